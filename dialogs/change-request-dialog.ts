// The shared steps of every conversation that asks for a change: which worker (asking, or offering a choice),
// the number when the change needs one, the reason for the approver; then the request goes for approval.
// Dialog state holds only ids and text, so a conversation survives a restart of the bot.
import { CardFactory } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { CountryCode } from 'libphonenumber-js';
import type { Person } from '../src/audit/audit-context';
import { buildWorkerChoiceCard } from '../src/cards/choice-card';
import type { AskedSoFar, ChangeAsk } from '../src/methods/change-ask';
import type { SignInSnapshot } from '../src/methods/method-types';
import type { ChangeIntentKind } from '../src/methods/registry';
import { submitChange, type SubmitChangeDeps } from '../src/conversation/submit-change';
import { lookUpWorker, workerById, type WorkerLookupDeps } from '../src/conversation/worker-lookup';
import { parsePhoneNumber } from '../src/phone/phone-number';
import { AnswerPrompt, isDropped, type AnswerPromptOptions, type Dropped } from './answer-prompt';
import { WORKER_CHOICE_PROMPT, WorkerChoicePrompt, type WorkerChoice } from './worker-choice-prompt';

export interface ChangeDialogOptions {
  requester: Person;
  worker?: string;
  workerId?: string;
  number?: string;
  reason?: string;
  /** The worker left: the leaver's reason needs no asking. */
  leaver?: boolean;
  /** The hours asked for, for a change that lasts hours (a temporary code). */
  hours?: number;
}

interface Values {
  requester: Person;
  typedWorker?: string;
  userId?: string;
  displayName?: string;
  graphNumber?: string;
  reason?: string;
  hours?: number;
  leaver?: boolean;
}

/** What a change conversation uses: finding the worker, filing the request, and the region for typed numbers. */
export interface ChangeDialogDeps extends WorkerLookupDeps, SubmitChangeDeps {
  defaultRegion: CountryCode;
}

const WORKER_PROMPT = 'workerNamePrompt';
const NUMBER_PROMPT = 'numberPrompt';
const REASON_PROMPT = 'reasonPrompt';
const CONFIRM_PROMPT = 'confirmWorkerPrompt';

export class ChangeRequestDialog extends ComponentDialog {
  constructor(
    id: string,
    private readonly deps: ChangeDialogDeps,
    private readonly settings: ChangeAsk<ChangeIntentKind>,
  ) {
    super(id);
    this.addDialog(new TextPrompt(WORKER_PROMPT));
    this.addDialog(new AnswerPrompt(NUMBER_PROMPT, 'number', (typed) => this.numberProblem(typed)));
    this.addDialog(new AnswerPrompt(REASON_PROMPT, 'reason'));
    this.addDialog(new AnswerPrompt(CONFIRM_PROMPT, 'confirm'));
    this.addDialog(new WorkerChoicePrompt());
    this.addDialog(
      new WaterfallDialog(`${id}.steps`, [
        (step) => this.askWorker(step),
        (step) => this.findWorker(step),
        (step) => this.confirmChoice(step),
        (step) => this.askNumber(step),
        (step) => this.askReason(step),
        (step) => this.submit(step),
      ]),
    );
    this.initialDialogId = `${id}.steps`;
  }

  private values(step: WaterfallStepContext): Values {
    return step.values as Values;
  }

  private async askWorker(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as ChangeDialogOptions;
    const values = this.values(step);
    values.requester = options.requester;
    values.reason = options.reason ?? this.settings.defaultReason?.({ reason: options.reason, leaver: options.leaver });
    if (options.number) values.graphNumber = options.number;
    if (options.hours !== undefined) values.hours = options.hours;
    if (options.leaver) values.leaver = true;
    if (options.workerId) return step.next({ userId: options.workerId } satisfies WorkerChoice);
    if (options.worker) return step.next({ typed: options.worker } satisfies WorkerChoice);
    return step.prompt(WORKER_PROMPT, { prompt: 'Who is it for? Type their name, email address or employee id.' });
  }

  /** Resolves the worker; several matches get a choice card and the next step waits for the pick. */
  private async findWorker(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const choice: WorkerChoice =
      typeof step.result === 'string' ? { typed: step.result } : (step.result as WorkerChoice);
    if (choice.userId) return step.next(choice);
    const typed = (choice.typed ?? '').trim();
    values.typedWorker = typed;
    const found = await lookUpWorker(this.deps, values.requester, typed);
    if (found.kind === 'none') {
      await step.context.sendActivity(found.message);
      return step.endDialog();
    }
    if (found.kind === 'choose') {
      await step.context.sendActivity({
        attachments: [
          CardFactory.adaptiveCard(
            buildWorkerChoiceCard(`Several people match "${typed}".`, found.candidates, 'dialog'),
          ),
        ],
      });
      return step.beginDialog(WORKER_CHOICE_PROMPT);
    }
    values.userId = found.snapshot.user.id;
    values.displayName = found.snapshot.user.displayName;
    if (this.settings.confirmGuess && found.guessed) {
      const detail = [...found.snapshot.administrativeUnits.map((unit) => unit.displayName), found.guessed.jobTitle]
        .filter((part) => Boolean(part))
        .join(', ');
      return step.beginDialog(CONFIRM_PROMPT, {
        ...this.waiting(values),
        prompt: `Do you mean ${values.displayName}${detail ? ` (${detail})` : ''}?`,
        confirm: { userId: values.userId },
      } satisfies AnswerPromptOptions);
    }
    if (await this.refused(step, found.snapshot)) return step.endDialog();
    return step.next({ userId: values.userId } satisfies WorkerChoice);
  }

  /** What the conversation learnt so far, for a change made from the worker. */
  private said(values: Values): AskedSoFar {
    return {
      ...(values.reason && { reason: values.reason }),
      ...(values.hours !== undefined && { hours: values.hours }),
      ...(values.leaver && { leaver: true }),
    };
  }

  /**
   * Says so when the change cannot be made for this worker (the ask's refusal, or its kind's: an admin, a guest),
   * before a reason is asked for nothing. Submitting checks again, on the worker as they are then.
   */
  private async refused(step: WaterfallStepContext, worker: SignInSnapshot): Promise<boolean> {
    const { settings } = this;
    if (settings.needsNumber) return false;
    const values = this.values(step);
    const made = typeof settings.change === 'function' ? settings.change(worker, this.said(values)) : settings.change;
    const refusal =
      'refused' in made
        ? made.refused
        : await this.deps.changes.refusalForWorker(
            {
              kind: made.kind,
              requester: values.requester,
              target: { userId: worker.user.id, displayName: worker.user.displayName },
            },
            worker,
          );
    if (refusal === undefined) return false;
    await step.context.sendActivity(refusal);
    return true;
  }

  private waiting(values: Values): Pick<AnswerPromptOptions, 'requesterId' | 'worker'> {
    return {
      requesterId: values.requester.aadObjectId,
      worker: {
        ...(values.displayName && { displayName: values.displayName }),
        ...(values.typedWorker && { typed: values.typedWorker }),
      },
    };
  }

  /** The requester dropped the waiting request (and may want a new message answered: the caller does that). */
  private async drop(step: WaterfallStepContext, dropped: Dropped): Promise<DialogTurnResult> {
    const values = this.values(step);
    await step.context.sendActivity(
      `OK, I dropped the request for ${values.displayName ?? values.typedWorker ?? 'that person'}. Nothing was asked for.`,
    );
    return step.endDialog(dropped);
  }

  private async confirmChoice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (isDropped(step.result)) return this.drop(step, step.result);
    const choice = step.result as WorkerChoice;
    if (values.userId && choice.userId === values.userId) return step.next();
    if (choice.again) {
      // "No, someone else": ask for the name afresh.
      return step.replaceDialog(this.id, {
        requester: values.requester,
        number: values.graphNumber,
        reason: values.reason,
        hours: values.hours,
        leaver: values.leaver,
      } satisfies ChangeDialogOptions);
    }
    if (choice.typed) {
      // A name typed instead of a click: look it up again from the start.
      return step.replaceDialog(this.id, {
        requester: values.requester,
        worker: choice.typed,
        number: values.graphNumber,
        reason: values.reason,
        hours: values.hours,
        leaver: values.leaver,
      } satisfies ChangeDialogOptions);
    }
    const found = await workerById(this.deps, values.requester, choice.userId!, values.typedWorker ?? 'that person');
    if (found.kind !== 'found') {
      await step.context.sendActivity(found.kind === 'none' ? found.message : 'Please pick one person.');
      return step.endDialog();
    }
    values.userId = found.snapshot.user.id;
    values.displayName = found.snapshot.user.displayName;
    if (await this.refused(step, found.snapshot)) return step.endDialog();
    return step.next();
  }

  private region() {
    return this.deps.defaultRegion;
  }

  private numberProblem(typed: string): string | undefined {
    const parsed = parsePhoneNumber(typed, this.region());
    return parsed.ok ? undefined : parsed.message;
  }

  private async askNumber(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (!this.settings.needsNumber) return step.next();
    if (values.graphNumber) {
      const parsed = parsePhoneNumber(values.graphNumber, this.region());
      if (parsed.ok) return step.next(values.graphNumber);
      await step.context.sendActivity(parsed.message);
    }
    return step.beginDialog(NUMBER_PROMPT, {
      ...this.waiting(values),
      prompt: `What is ${values.displayName}'s mobile number? Include the country code unless it is a ${this.region()} number.`,
    } satisfies AnswerPromptOptions);
  }

  private async askReason(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (isDropped(step.result)) return this.drop(step, step.result);
    if (this.settings.needsNumber) {
      const parsed = parsePhoneNumber(String(step.result ?? ''), this.region());
      if (!parsed.ok) return step.endDialog();
      values.graphNumber = parsed.number.graph;
    }
    if (values.reason) return step.next(values.reason);
    return step.beginDialog(REASON_PROMPT, {
      ...this.waiting(values),
      prompt: 'Why is this needed? A few words for the approver, for example "new starter" or "new phone".',
    } satisfies AnswerPromptOptions);
  }

  private async submit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (isDropped(step.result)) return this.drop(step, step.result);
    const reason =
      String(step.result ?? values.reason ?? '')
        .trim()
        .slice(0, 500) || 'no reason given';
    const { settings } = this;
    const graphNumber = values.graphNumber;
    if (settings.needsNumber && !graphNumber) return step.endDialog();
    const found = await workerById(this.deps, values.requester, values.userId!, values.displayName ?? '');
    if (found.kind !== 'found') {
      await step.context.sendActivity(found.kind === 'none' ? found.message : 'Please try again.');
      return step.endDialog();
    }
    // Made from the worker as they are now: a number added since the question was asked is replaced, not doubled.
    const made = settings.needsNumber
      ? settings.change(graphNumber!, found.snapshot)
      : typeof settings.change === 'function'
        ? settings.change(found.snapshot, this.said(values))
        : settings.change;
    if ('refused' in made) {
      await step.context.sendActivity(made.refused);
      return step.endDialog();
    }
    const change = made;
    await submitChange(
      this.deps,
      step.context,
      {
        ...change,
        requester: values.requester,
        target: { userId: found.snapshot.user.id, displayName: found.snapshot.user.displayName },
        reason,
        urgent: this.settings.urgent,
        tenantWide: false,
      },
      found.snapshot,
    );
    return step.endDialog();
  }
}
