// Waits for one answer inside a change conversation: the mobile number, the reason, or "is this the person you
// mean?". A reply that is itself a new request or question is not taken as the answer: phonedesk asks whether to
// drop the waiting request, drop it and answer, or keep it. State is the options and that held message only (text
// and ids), so a wait survives a restart.
import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { buildQuestionCard } from '../src/cards/question-card';
import { isNewQuestion, type WaitingFor } from './new-question';
import type { WorkerChoice } from './worker-choice-prompt';

type AnswerKind = 'number' | 'reason' | 'confirm';

export interface AnswerPromptOptions {
  /** Only this person's answers count (in a shared chat others may type too). */
  requesterId: string;
  worker: WaitingFor;
  /** What is asked, e.g. "Why is this needed?"; for 'confirm', the question on the card. */
  prompt: string;
  /** For 'confirm': the worker the question is about. */
  confirm?: { userId: string };
}

/** The waiting request was dropped; `answer` is the message to answer instead, when the requester asked for that. */
export interface Dropped {
  dropped: true;
  answer?: string;
}

export function isDropped(value: unknown): value is Dropped {
  return typeof value === 'object' && value !== null && (value as { dropped?: unknown }).dropped === true;
}

/** The message to answer now that a conversation was dropped for it, if any. */
export function askedInstead(result: DialogTurnResult): string | undefined {
  return result.status === DialogTurnStatus.complete && isDropped(result.result) ? result.result.answer : undefined;
}

interface PromptState {
  options: AnswerPromptOptions;
  /** A new request or question held while the requester says what to do with the waiting one. */
  held?: string;
}

const MAX_HELD = 500;
const YES = /^(?:yes|y|yep|yeah|yup|correct|right|that's (?:right|them|him|her)|ok|okay|sure)[.!]*$/i;
const NO = /^(?:no|n|nope|wrong|not (?:them|him|her)|someone else|no,? someone else|choose someone else)[.!]*$/i;

/** The answer a question card's button sent, whichever way the channel delivered it. */
function clickedAnswer(value: unknown): { answer?: string; userId?: string } {
  const record = value as
    { answer?: unknown; userId?: unknown; action?: { data?: { answer?: unknown; userId?: unknown } } } | undefined;
  const data = record?.action?.data ?? record;
  return {
    ...(typeof data?.answer === 'string' && { answer: data.answer }),
    ...(typeof data?.userId === 'string' && { userId: data.userId }),
  };
}

/** "answer", "drop it", "keep going" typed instead of clicked; longer text is a reply to the first question. */
function typedChoice(text: string): 'answer' | 'drop' | 'keep' | undefined {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\s']/gu, ' ')
    .trim()
    .split(/\s+/);
  if (words.length > 6) return undefined;
  if (words.includes('answer') || words.includes('both')) return 'answer';
  if (words.includes('keep') || words.includes('continue')) return 'keep';
  if (words.includes('drop') || words.includes('stop')) return 'drop';
  return undefined;
}

export class AnswerPrompt extends Dialog<AnswerPromptOptions> {
  /** `check` says what is wrong with a typed number, or undefined when it is fine ('number' only). */
  constructor(
    id: string,
    private readonly kind: AnswerKind,
    private readonly check: (typed: string) => string | undefined = () => undefined,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: AnswerPromptOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('AnswerPrompt needs its options');
    dc.activeDialog!.state = { options } satisfies PromptState;
    await this.ask(dc.context, options);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as PromptState;
    const { options } = state;
    const activity = dc.context.activity;
    if (activity.from?.aadObjectId !== options.requesterId) {
      await dc.context.sendActivity('Only the person who asked can answer this.');
      return Dialog.EndOfTurn;
    }
    const clicked = clickedAnswer(activity.value);
    const typed = activity.type === ActivityTypes.Message ? (activity.text ?? '').trim() : '';
    if (state.held !== undefined) {
      const choice = clicked.answer ?? typedChoice(typed);
      if (choice === 'answer') return dc.endDialog({ dropped: true, answer: state.held } satisfies Dropped);
      if (choice === 'drop') return dc.endDialog({ dropped: true } satisfies Dropped);
      if (choice === 'keep') {
        delete state.held;
        await this.ask(dc.context, options);
        return Dialog.EndOfTurn;
      }
      if (typed === '') return Dialog.EndOfTurn;
      // Something else typed: a fresh reply to the first question.
      delete state.held;
    }
    if (this.kind === 'confirm') {
      // A button answers only the question about the worker it was shown for.
      const button = clicked.userId === options.confirm?.userId ? clicked.answer : undefined;
      const answer = button ?? (YES.test(typed) ? 'yes' : NO.test(typed) ? 'no' : undefined);
      if (answer === 'yes') return dc.endDialog({ userId: options.confirm!.userId } satisfies WorkerChoice);
      if (answer === 'no') return dc.endDialog({ again: true } satisfies WorkerChoice);
    }
    if (typed === '') return Dialog.EndOfTurn;
    const problem = this.kind === 'number' ? this.check(typed) : undefined;
    if (this.kind === 'number' && problem === undefined) return dc.endDialog(typed);
    // Digits alone are a try at the number, however wrong; words may be a new question.
    const numberTry = this.kind === 'number' && !/\p{L}/u.test(typed);
    if (!numberTry && isNewQuestion(typed, options.worker)) {
      state.held = typed.slice(0, MAX_HELD);
      await this.askWhatToDo(dc.context, options, state.held);
      return Dialog.EndOfTurn;
    }
    // Another name instead of yes or no: look it up again.
    if (this.kind === 'confirm') return dc.endDialog({ typed } satisfies WorkerChoice);
    if (problem !== undefined) {
      await dc.context.sendActivity(`${problem} What is the mobile number?`);
      return Dialog.EndOfTurn;
    }
    return dc.endDialog(typed);
  }

  private async ask(context: TurnContext, options: AnswerPromptOptions): Promise<void> {
    if (this.kind !== 'confirm') {
      await context.sendActivity(options.prompt);
      return;
    }
    const card = buildQuestionCard(
      options.prompt,
      'A lost phone signs the person out everywhere, so please check. You can also reply yes or no.',
      [
        { title: 'Yes', answer: 'yes', style: 'positive' },
        { title: 'No, choose someone else', answer: 'no' },
      ],
      { userId: options.confirm!.userId },
    );
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  }

  private async askWhatToDo(context: TurnContext, options: AnswerPromptOptions, held: string): Promise<void> {
    const name = options.worker.displayName ?? options.worker.typed ?? 'this person';
    const waitingFor =
      this.kind === 'number'
        ? `${name}'s mobile number`
        : this.kind === 'reason'
          ? `the reason for your request for ${name}`
          : `your answer about ${name}`;
    const card = buildQuestionCard(
      `Drop the request for ${name}?`,
      `I was waiting for ${waitingFor}, and "${held.slice(0, 80)}" looks like a new question, so I have not used it. Nothing has been asked for yet. You can also reply "answer", "drop" or "keep".`,
      [
        { title: 'Drop it and answer', answer: 'answer', style: 'positive' },
        { title: 'Just drop it', answer: 'drop' },
        { title: 'Keep the request', answer: 'keep' },
      ],
    );
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  }
}
