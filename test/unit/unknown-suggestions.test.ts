// What phonedesk offers for a message it did not understand: a name alone gets "Did you mean: status of …?" with the
// nearest workers; anything else gets the nearest things phonedesk can do. Cards validated like every other card.
import type { AdaptiveCard, CardElement, ExecuteAction } from '../../src/cards/adaptive-card';
import { CHOOSE_WORKER_VERB } from '../../src/cards/choice-card';
import { buildDidYouMeanCard } from '../../src/cards/did-you-mean-card';
import { SUGGEST_VERB, buildSuggestionsCard } from '../../src/cards/suggestions-card';
import { nearestFirst } from '../../src/bot/nearest-workers';
import { CAPABILITIES, closestCapabilities } from '../../src/bot/understanding/closest-capabilities';
import { nameAlone } from '../../src/bot/understanding/name-alone';
import { parseIntent } from '../../src/bot/understanding/parse-intent';
import { cardProblems } from '../helpers/card-validator';

function buttonsOf(elements: readonly CardElement[]): ExecuteAction[] {
  return elements.flatMap((element): ExecuteAction[] => {
    if (element.type === 'Container') return buttonsOf(element.items);
    if (element.type === 'ActionSet')
      return element.actions.filter((action): action is ExecuteAction => action.type === 'Action.Execute');
    return [];
  });
}

const buttons = (card: AdaptiveCard) => buttonsOf(card.body).map(({ title, verb, data }) => ({ title, verb, data }));

describe('a message that is only a name', () => {
  it.each([
    ['Bob', 'Bob'],
    ['bob smiht', 'bob smiht'],
    ['Jane Doe?', 'Jane Doe'],
    ["Áine O'Brien", "Áine O'Brien"],
    ['<at>phonedesk</at> Jean-Luc Picard', 'Jean-Luc Picard'],
    ['Bob please', 'Bob'],
    ['Will Smith', 'Will Smith'],
  ])('%j is the name %j', (text, name) => {
    expect(parseIntent(text)).toStrictEqual({ kind: 'unknown' });
    expect(nameAlone(text)).toBe(name);
  });

  it.each([
    'thanks',
    'the weather is nice today',
    'make me a sandwich',
    'cheers mate',
    'what is going on',
    'Ngozi Okonkwo Adeyemi Smith Jones',
    '42',
    '😀😀',
    '',
    'a'.repeat(100),
  ])('%j is not only a name, so nobody is looked up', (text) => {
    expect(nameAlone(text)).toBeUndefined();
  });
});

describe('the nearest workers', () => {
  const people = ['Jade Kim', 'Jane Doe', 'Janet Ray', 'Jan Ek'].map((displayName, i) => ({
    displayName,
    userId: `u${i}`,
  }));

  it('puts the closest spellings first and offers at most three', () => {
    expect(nearestFirst('jane', people).map((person) => person.displayName)).toEqual([
      'Jane Doe',
      'Janet Ray',
      'Jade Kim',
    ]);
    expect(
      nearestFirst('bob smiht', [{ displayName: 'Bobby Tables' }, { displayName: 'Bob Smith' }])[0]?.displayName,
    ).toBe('Bob Smith');
  });
});

describe('the nearest things phonedesk can do', () => {
  it.each([
    ['the code thingy isnt workin', 'diagnose'],
    ['numbr chnage', 'add-number'],
    ['sim swop', 'lost-phone'],
    ['anything waitin for aproval', 'pending'],
    ['tennant setings', 'tenant-check'],
    ['kickout everywhere', 'revoke-sessions'],
  ])('%j is closest to %s', (text, id) => {
    expect(parseIntent(text)).toStrictEqual({ kind: 'unknown' });
    expect(closestCapabilities(text)[0]?.id).toBe(id);
  });

  it('offers the most asked-for things when nothing is in common, never more than three', () => {
    expect(closestCapabilities('xqzv wplk').map((capability) => capability.id)).toEqual([
      'status',
      'diagnose',
      'add-number',
    ]);
    expect(closestCapabilities('sms sign in code text status number lost sessions pending tenant who').length).toBe(3);
  });

  it('judges a pasted paragraph on its start', () => {
    expect(closestCapabilities(`${'lorem '.repeat(20_000)}pending`).map((capability) => capability.id)).toEqual([
      'status',
      'diagnose',
      'add-number',
    ]);
  });
});

describe('cards', () => {
  it('asks "Did you mean: status of …?" with a status button per worker carrying only the id and purpose', () => {
    const card = buildDidYouMeanCard([
      { userId: 'u1', displayName: 'Bob Smith', detail: 'Stock Associate, Manchester' },
      { userId: 'u2', displayName: 'Bobby Tables' },
    ]);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Did you mean: status of Bob Smith?');
    expect(JSON.stringify(card)).toContain('Stock Associate, Manchester');
    expect(buttons(card)).toEqual([
      { title: 'Status of Bob Smith', verb: CHOOSE_WORKER_VERB, data: { userId: 'u1', purpose: 'status' } },
      { title: 'Status of Bobby Tables', verb: CHOOSE_WORKER_VERB, data: { userId: 'u2', purpose: 'status' } },
    ]);
  });

  it('offers the suggestions and "everything I can do" as buttons naming only the capability', () => {
    const card = buildSuggestionsCard(CAPABILITIES.slice(0, 3));
    expect(cardProblems(card)).toEqual([]);
    expect(buttons(card)).toEqual([
      ...CAPABILITIES.slice(0, 3).map(({ id, title }) => ({ title, verb: SUGGEST_VERB, data: { suggestion: id } })),
      { title: 'Everything I can do', verb: SUGGEST_VERB, data: { suggestion: 'help' } },
    ]);
  });
});
