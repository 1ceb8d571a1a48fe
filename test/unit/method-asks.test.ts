// The conversations a sign-in method offers (methods/*/…-asks.ts) are what phonedesk understands and shows: the
// example on the help card starts that conversation, its button on the "did you mean" card too, and a conversation
// stored under its dialog id by an earlier release still resumes.
import { parseIntent } from '../../src/bot/understanding/parse-intent';
import { closestCapabilities } from '../../src/bot/understanding/closest-capabilities';
import { buildHelpCard } from '../../src/cards/help-card';
import { ASKS_BY_PRECEDENCE, CHANGE_ASKS, isChangeKind, specOf } from '../../src/methods/registry';

describe('every change conversation a sign-in method offers', () => {
  const withHelp = CHANGE_ASKS.filter((ask) => ask.help !== undefined);

  it.each(withHelp.map((ask) => [ask.intent, ask.help!.example]))(
    '%s: its help example is understood as that conversation',
    (intent, example) => {
      expect(parseIntent(example).kind).toBe(intent);
    },
  );

  it('is on the help card with its example', () => {
    const card = JSON.stringify(buildHelpCard());
    for (const ask of withHelp) expect(card).toContain(ask.help!.example);
  });

  it.each(CHANGE_ASKS.map((ask) => [ask.intent, ask.suggestion.title, ask.suggestion.words[0]!]))(
    '%s: its first suggestion word leads to its button (%s)',
    (intent, title, word) => {
      expect(closestCapabilities(word, 10).map((capability) => capability.title)).toContain(title);
      expect(closestCapabilities(word, 10).map((capability) => capability.id)).toContain(intent);
    },
  );

  it('makes only change kinds that a method owns', () => {
    for (const ask of CHANGE_ASKS) {
      for (const kind of ask.makes) {
        expect(isChangeKind(kind)).toBe(true);
        expect(specOf({ kind }).kind).toBe(kind);
      }
    }
  });

  it('keeps the dialog ids earlier releases stored waiting conversations under', () => {
    expect(Object.fromEntries(CHANGE_ASKS.map((ask) => [ask.intent, ask.dialogId]))).toEqual({
      'add-number': 'addNumber',
      'sms-sign-in-on': 'smsSignInOn',
      'sms-sign-in-off': 'smsSignInOff',
      'remove-number': 'removeNumber',
      'lost-phone': 'lostPhone',
      'revoke-sessions': 'signOut',
      'issue-badge': 'issueBadge',
      'new-starter': 'newStarter',
      'move-to-badge': 'moveToBadge',
      'temporary-code': 'temporaryCode',
      'reset-pin': 'resetPin',
      'lost-badge': 'lostBadge',
      'extend-badge': 'extendBadge',
      'remove-badge': 'removeBadge',
      'issue-pass': 'issuePass',
    });
  });

  it('is tried in one order: a lost badge or phone before any other change', () => {
    const precedences = ASKS_BY_PRECEDENCE.map((ask) => ask.precedence);
    expect(new Set(precedences).size).toBe(precedences.length);
    expect(ASKS_BY_PRECEDENCE.slice(0, 2).map((ask) => ask.intent)).toEqual(['lost-badge', 'lost-phone']);
    expect(parseIntent('Ali lost his phone and needs a new number').kind).toBe('lost-phone');
    expect(parseIntent("Ali's badge was stolen").kind).toBe('lost-badge');
    expect(parseIntent("remove Ali's QR code").kind).toBe('remove-badge');
    expect(parseIntent("remove Ali's number").kind).toBe('remove-number');
    expect(parseIntent('Ali lost his badge, give him a temporary code').kind).toBe('lost-badge');
    expect(parseIntent('add a QR code for Ali').kind).toBe('issue-badge');
  });
});
