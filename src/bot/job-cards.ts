// A job's one progress card in the requester's 1:1 chat, posted once and updated in place; at the end, the result
// and the badge sheet's one-time links (A4 or Letter: the first opened gives the sheet, then both are gone). The
// sheet is made from the job's sealed secrets when the job ends, sealed again under keys that are only in the two
// links, and opens from any instance (bot/one-time-links.ts). Failures are logged by name only.
import { CardFactory, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { inConversation } from './in-conversation';
import { badgeSheetPdf, type Paper } from '../cards/badge-sheet-pdf';
import { qrPngBytes } from '../cards/qr-png';
import { buildJobProgressCard } from '../cards/store-move-card';
import type { SheetBadge } from '../jobs/badge-job';
import { SHEET_OPEN_MS, type JobNotices, type Undelivered } from '../jobs/job-runner';
import type { Logger } from '../log/logger';
import type { ConversationReferences } from '../storage/conversation-references';
import type { Job, JobStore, JobWorker } from '../storage/job-store';
import { rfc3339 } from '../time/rfc3339';
import { UTC_TIME_WORDS } from '../time/text-time';
import type { LinkedFile, OneTimeLinks } from './one-time-links';

const isPersonal = (reference: Partial<ConversationReference>): boolean =>
  (reference.conversation?.conversationType ?? 'personal') === 'personal';

/** Said of each badge stopped because its sheet could not be made (storage refused it). */
const SHEET_NOT_MADE =
  'phonedesk could not make the badge sheet, so the badge was stopped: nobody can use it. Ask for the move again.';

/** The path the sheets' links are served under (server/http-server.ts). */
export const SHEET_PATH = '/sheets';

/** The job kind's side of the sheet (jobs/badge-job.ts). */
export interface SheetSecrets {
  openSheet(jobId: string): Promise<SheetBadge[] | undefined>;
  sheetTaken(jobId: string): Promise<void>;
}

export class JobCards implements JobNotices {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly references: ConversationReferences,
    private readonly jobs: Pick<JobStore, 'get' | 'workers' | 'setProgressCard'>,
    private readonly links: OneTimeLinks,
    private readonly secrets: SheetSecrets,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    links.whenTaken((jobId) => this.sheetTaken(jobId));
  }

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

  // Badges nobody can receive are stopped by the caller, which then shows the card again where it can.
  async ended(job: Job, workers: readonly JobWorker[]): Promise<Undelivered | undefined> {
    const anyIssued = workers.some((worker) => worker.state === 'issued');
    let sheet: { a4: string; letter: string } | undefined;
    try {
      sheet = anyIssued ? await this.offerSheet(job) : undefined;
    } catch (error) {
      this.logger.warn(
        { jobId: job.id, error: error instanceof Error ? error.name : 'unknown' },
        'the badge sheet could not be made',
      );
    }
    if (anyIssued && !sheet) {
      await this.links.withdraw(job.id).catch(() => undefined);
      return { why: SHEET_NOT_MADE, canTell: true };
    }
    if (await this.show(job, buildJobProgressCard({ job, workers, now: this.now(), ...(sheet && { sheet }) })))
      return undefined;
    await this.links.withdraw(job.id).catch(() => undefined);
    return { why: `${job.requester.name} could not be reached, so the badge was stopped.`, canTell: false };
  }

  /** Both papers made now; the first link opened takes the sheet and withdraws the other. */
  private async offerSheet(job: Job): Promise<{ a4: string; letter: string } | undefined> {
    const badges = await this.secrets.openSheet(job.id);
    if (!badges?.length) return undefined;
    const until = this.now().getTime() + SHEET_OPEN_MS;
    const offer = async (paper: Paper): Promise<string> =>
      this.links.offer(job.id, job.requester.aadObjectId, until, await this.sheetFile(job, badges, paper));
    return { a4: await offer('A4'), letter: await offer('Letter') };
  }

  private async sheetFile(job: Job, badges: readonly SheetBadge[], paper: Paper): Promise<LinkedFile> {
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
    return { body: pdf, contentType: 'application/pdf', filename: `badges-${paper.toLowerCase()}.pdf` };
  }

  /** The sheet was taken: the other paper goes, the rows are handed over, and the card says it was downloaded. */
  private async sheetTaken(jobId: string): Promise<void> {
    await this.links.withdraw(jobId);
    await this.secrets.sheetTaken(jobId);
    const job = await this.jobs.get(jobId);
    if (job)
      await this.show(job, buildJobProgressCard({ job, workers: await this.jobs.workers(jobId), now: this.now() }));
  }
}
