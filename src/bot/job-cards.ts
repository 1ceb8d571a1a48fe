// A job's one progress card in the requester's 1:1 chat, posted once and updated in place; at the end, the result
// and the badge sheet's one-time links (A4 or Letter: the first opened prints the sheet, then both are gone). The
// sheet is made from the job's sealed secrets at that moment and never kept. Failures are logged by name only.
import { CardFactory, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { inConversation } from './in-conversation';
import { badgeSheetPdf, type Paper } from '../cards/badge-sheet-pdf';
import { qrPngBytes } from '../cards/qr-png';
import { buildJobProgressCard } from '../cards/store-move-card';
import type { SheetBadge } from '../jobs/badge-job';
import type { JobNotices } from '../jobs/job-runner';
import type { Logger } from '../log/logger';
import type { ConversationReferences } from '../storage/conversation-references';
import type { Job, JobStore, JobWorker } from '../storage/job-store';
import { rfc3339 } from '../time/rfc3339';
import { UTC_TIME_WORDS } from '../time/text-time';
import type { LinkedFile, OneTimeLinks } from './one-time-links';

/** How long the sheet's links work after the job ends. */
export const SHEET_LINK_MS = 24 * 3_600_000;

const isPersonal = (reference: Partial<ConversationReference>): boolean =>
  (reference.conversation?.conversationType ?? 'personal') === 'personal';

export class JobCards implements JobNotices {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly references: ConversationReferences,
    private readonly jobs: Pick<JobStore, 'get' | 'workers' | 'setProgressCard'>,
    private readonly links: OneTimeLinks,
    private readonly takeSheet: (jobId: string) => Promise<SheetBadge[] | undefined>,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Posts the card, or replaces the one posted; false when the requester cannot be reached. */
  private async show(job: Job, card: ReturnType<typeof buildJobProgressCard>): Promise<boolean> {
    const shown = job.progressCard;
    const reference = shown?.reference ?? (await this.references.get(job.requester.aadObjectId));
    if (!reference || !isPersonal(reference)) return false;
    const attachments = [CardFactory.adaptiveCard(card)];
    try {
      await inConversation(this.adapter, this.botAppId, reference, async (context) => {
        if (shown) {
          await context.updateActivity({ id: shown.activityId, type: 'message', attachments });
          return;
        }
        const posted = await context.sendActivity({ attachments });
        if (posted?.id) await this.jobs.setProgressCard(job.id, { activityId: posted.id, reference });
      });
      return true;
    } catch (error) {
      this.logger.warn(
        { jobId: job.id, error: error instanceof Error ? error.name : 'unknown' },
        'a job card could not be shown',
      );
      return false;
    }
  }

  async progress(job: Job, workers: readonly JobWorker[]): Promise<void> {
    await this.show(job, buildJobProgressCard({ job, workers, now: this.now() }));
  }

  async ended(job: Job, workers: readonly JobWorker[]): Promise<boolean> {
    const anyIssued = workers.some((worker) => worker.state === 'issued');
    const until = this.now().getTime() + SHEET_LINK_MS;
    const sheet = anyIssued
      ? {
          a4: this.links.offer(job.id, job.requester.aadObjectId, until, () => this.sheet(job.id, 'A4')),
          letter: this.links.offer(job.id, job.requester.aadObjectId, until, () => this.sheet(job.id, 'Letter')),
        }
      : undefined;
    const shown = await this.show(
      job,
      buildJobProgressCard({ job, workers, now: this.now(), ...(sheet && { sheet }) }),
    );
    if (!shown) this.links.withdraw(job.id);
    return shown || !anyIssued;
  }

  /** The sheet, once: the secrets are opened, printed and dropped; the card then says it was downloaded. */
  private async sheet(jobId: string, paper: Paper): Promise<LinkedFile | undefined> {
    this.links.withdraw(jobId);
    const badges = await this.takeSheet(jobId);
    const job = await this.jobs.get(jobId);
    if (!badges || !job) return undefined;
    const pdf = await badgeSheetPdf(
      await Promise.all(
        badges.map(async (badge) => ({
          worker: badge.row.displayName,
          store: job.storeName,
          qrPng: await qrPngBytes(badge.rawContent),
          validity: `Works until ${UTC_TIME_WORDS(rfc3339(badge.row.expireDateTime ?? '') ?? badge.row.expireDateTime ?? '')}`,
          pin: badge.pin.reveal(),
          ...(badge.pass && { pass: badge.pass.reveal() }),
        })),
      ),
      { paper, title: `QR badges for ${job.storeName}` },
    );
    await this.show(job, buildJobProgressCard({ job, workers: await this.jobs.workers(jobId), now: this.now() }));
    return { body: pdf, contentType: 'application/pdf', filename: `badges-${paper.toLowerCase()}.pdf` };
  }
}
