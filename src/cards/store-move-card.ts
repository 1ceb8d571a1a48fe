// A store's move to badges on cards: the plan to approve (who gets a badge, who is left out and why, how long), and
// the job's one progress card, updated in place: a bar, then the result with each failure in plain words. The
// sheet's links appear on the finished card for the requester only. Buttons carry ids only.
import type { PlannedBadge, SkippedWorker } from '../methods/qr-code-pin/qr-types';
import type { Job, JobWorker } from '../storage/job-store';
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement } from './adaptive-card';
import { plural, text } from './card-words';

export const MOVE_VERBS = {
  ask: 'move.ask',
  cancel: 'job.cancel',
  finish: 'finish.ask',
  remind: 'move.remind',
} as const;

/** Names listed on a card; the rest are counted. */
const LISTED = 15;

export interface MovePlanView {
  store: { id: string; displayName: string };
  planned: readonly PlannedBadge[];
  skipped: readonly SkippedWorker[];
  lifetimeDays: number;
  seconds: number;
}

export function durationWords(seconds: number): string {
  if (seconds < 60) return 'under a minute';
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `about ${plural(minutes, 'minute')}` : `about ${plural(Math.round(minutes / 60), 'hour')}`;
}

function listed<T>(items: readonly T[], line: (item: T) => string): CardElement[] {
  const shown = items.slice(0, LISTED).map((item) => text(`• ${line(item)}`, { spacing: 'None', size: 'Small' }));
  const more = items.length - LISTED;
  return more > 0 ? [...shown, text(`…and ${more} more.`, { spacing: 'None', size: 'Small', isSubtle: true })] : shown;
}

export function buildMovePlanCard(plan: MovePlanView): AdaptiveCard {
  const passes = plan.planned.filter((worker) => worker.withPass).length;
  const body: CardElement[] = [
    text(`Move ${plan.store.displayName} to QR badges`, { weight: 'Bolder', size: 'Medium' }),
    {
      type: 'FactSet',
      facts: [
        { title: 'Badges to make', value: String(plan.planned.length) },
        ...(passes > 0
          ? [
              {
                title: 'With a pass first',
                value: `${passes} (never signed in: a Temporary Access Pass for their first sign-in)`,
              },
            ]
          : []),
        { title: 'Left out', value: String(plan.skipped.length) },
        { title: 'Badges work for', value: `${plan.lifetimeDays} days` },
        { title: 'Takes', value: durationWords(plan.seconds) },
      ],
    },
  ];
  if (plan.planned.length > 0) {
    body.push(text('Getting a badge', { weight: 'Bolder', separator: true }));
    body.push(
      ...listed(plan.planned, (worker) => `${worker.displayName}${worker.withPass ? ' (with a pass first)' : ''}`),
    );
  }
  if (plan.skipped.length > 0) {
    body.push(text('Left out', { weight: 'Bolder', separator: true }));
    body.push(...listed(plan.skipped, (worker) => `${worker.displayName}: ${worker.why}`));
  }
  body.push(
    text(
      plan.planned.length > 0
        ? 'One approval covers the whole plan. Each badge and its temporary PIN go only to you, on one printable sheet at the end.'
        : 'Nobody here needs a badge now.',
      { isSubtle: true, separator: true },
    ),
  );
  return adaptiveCard(body, {
    ...(plan.planned.length > 0 && {
      actions: [executeAction('Ask for approval', MOVE_VERBS.ask, { storeId: plan.store.id }, 'positive')],
    }),
  });
}

export interface JobTally {
  total: number;
  done: number;
  issued: number;
  failed: number;
  skipped: number;
  waiting: number;
}

export function tallyOf(workers: readonly JobWorker[]): JobTally {
  const count = (...states: JobWorker['state'][]) => workers.filter((worker) => states.includes(worker.state)).length;
  const issued = count('issued', 'delivered');
  const failed = count('failed');
  const skipped = count('skipped');
  return {
    total: workers.length,
    done: issued + failed + skipped,
    issued,
    failed,
    skipped,
    waiting: count('planned', 'creating'),
  };
}

/** A bar of 20 blocks: text, so that every client shows it. */
function bar(done: number, total: number): string {
  const filled = total === 0 ? 20 : Math.round((done / total) * 20);
  return `${'█'.repeat(filled)}${'░'.repeat(20 - filled)}`;
}

export interface ProgressView {
  job: Job;
  workers: readonly JobWorker[];
  now: Date;
  /** The sheet's one-time links, on the requester's finished card. */
  sheet?: { a4: string; letter: string };
}

export function buildJobProgressCard({ job, workers, now, sheet }: ProgressView): AdaptiveCard {
  const tally = tallyOf(workers);
  const title = {
    'finish-store-move': `Finishing the move of ${job.storeName}: SMS sign-in off (request ${job.requestNumber})`,
    'move-store-to-badges': `Moving ${job.storeName} to QR badges (request ${job.requestNumber})`,
    'onboard-roster': `Onboarding ${job.storeName} (request ${job.requestNumber})`,
  }[job.kind];
  const made = (count: number): string =>
    job.kind === 'finish-store-move'
      ? `SMS sign-in off for ${plural(count, 'worker')}`
      : job.kind === 'onboard-roster'
        ? `${plural(count, 'worker')} set up`
        : `${plural(count, 'badge')} made`;
  const body: CardElement[] = [text(title, { weight: 'Bolder', size: 'Medium' })];
  const active = job.status === 'running' || job.status === 'cancelling';
  if (active) {
    const elapsed = Math.max(1, now.getTime() - Date.parse(job.createdAt)) / 1000;
    const left = tally.done > 0 ? Math.ceil(((tally.total - tally.done) * elapsed) / tally.done) : undefined;
    body.push(
      text(`${bar(tally.done, tally.total)}  ${tally.done} of ${tally.total}`, { fontType: 'Monospace' }),
      text(
        [
          made(tally.issued),
          tally.failed > 0 && `${tally.failed} failed`,
          tally.skipped > 0 && `${tally.skipped} left out`,
          left !== undefined && `${durationWords(left)} left`,
        ]
          .filter(Boolean)
          .join(' · '),
        { isSubtle: true, spacing: 'Small' },
      ),
    );
    if (job.status === 'cancelling')
      body.push(
        text(`Stopping, as ${job.cancelledBy?.name ?? 'someone'} asked: the worker in hand is finished first.`),
      );
  } else {
    const ended =
      job.status === 'cancelled'
        ? `Stopped by ${job.cancelledBy?.name ?? 'someone'}: ${made(tally.issued)}, ${tally.waiting} not started.`
        : `Done: ${made(tally.issued)}${tally.failed > 0 ? `, ${tally.failed} failed` : ''}${tally.skipped > 0 ? `, ${tally.skipped} left out` : ''}.`;
    body.push(text(ended, { weight: 'Bolder' }));
    const problems = workers.filter((worker) => worker.state === 'failed' || worker.state === 'skipped');
    if (problems.length > 0)
      body.push(...listed(problems, (worker) => `${worker.displayName}: ${worker.detail ?? 'no badge'}`));
    if (job.sheetAt)
      body.push(text('The badge sheet was downloaded; its secrets are gone from phonedesk.', { isSubtle: true }));
    else if (job.sheetStoppedAt)
      body.push(
        text('Nobody opened the badge sheet within a day, so its badges were stopped. Ask for the move again.', {
          isSubtle: true,
        }),
      );
    else if (sheet)
      body.push(
        text(
          `The sheet holds every badge made (2" × 2", with cut marks) and, on separate pages, the temporary PINs. It opens once: print it, then hand each badge and PIN to its worker.`,
          { isSubtle: true },
        ),
      );
  }
  const actions =
    active && job.status === 'running'
      ? [executeAction('Stop the job', MOVE_VERBS.cancel, { jobId: job.id }, 'destructive')]
      : sheet && !job.sheetAt
        ? [
            { type: 'Action.OpenUrl' as const, title: 'Badge sheet (A4)', url: sheet.a4 },
            { type: 'Action.OpenUrl' as const, title: 'Badge sheet (Letter)', url: sheet.letter },
          ]
        : [];
  return adaptiveCard(body, actions.length > 0 ? { actions } : {});
}
