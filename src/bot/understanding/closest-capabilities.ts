// What phonedesk can do, nearest first, for a message it did not understand: "the sms thingy is broke" is closest to
// "why can't they sign in?" and "is SMS sign-in set up?". Words are compared whole or with a slip of a letter or two
// (src/access/edit-distance.ts); a message with nothing in common gets the most asked-for things.
import { editDistance } from '../../access/edit-distance';
import { CHANGE_ASKS, type ChangeIntentKind } from '../../methods/registry';

export type CapabilityId =
  'status' | 'diagnose' | ChangeIntentKind | 'who-has' | 'instructions' | 'tenant-check' | 'pending';

interface Capability {
  id: CapabilityId;
  /** The button, in a store manager's words. */
  title: string;
  words: readonly string[];
}

export const CAPABILITIES: readonly Capability[] = [
  {
    id: 'status',
    title: "Check a worker's status",
    words: ['status', 'ready', 'check', 'setup', 'sorted', 'look', 'state', 'progress', 'update'],
  },
  {
    id: 'diagnose',
    title: "Find out why someone can't sign in",
    words: [
      'sign',
      'signin',
      'login',
      'log',
      'code',
      'codes',
      'text',
      'texts',
      'sms',
      'error',
      'fig6',
      'problem',
      'locked',
      'trouble',
      'receive',
      'arrive',
      'why',
      'working',
      'broken',
      'fails',
    ],
  },
  // What each sign-in method can change, as its asks offer it.
  ...CHANGE_ASKS.map((ask) => ({ id: ask.intent, title: ask.suggestion.title, words: ask.suggestion.words })),
  { id: 'who-has', title: 'Find who has a number', words: ['who', 'whose', 'owner', 'belongs', 'using', 'used'] },
  {
    id: 'instructions',
    title: 'Sign-in steps for a worker',
    words: ['instructions', 'steps', 'guide', 'how', 'print', 'explain', 'show', 'teach'],
  },
  {
    id: 'tenant-check',
    title: 'Is SMS sign-in set up?',
    words: ['tenant', 'policy', 'sms', 'settings', 'company', 'organisation', 'organization', 'enabled'],
  },
  {
    id: 'pending',
    title: 'See pending requests',
    words: ['pending', 'requests', 'request', 'approve', 'approval', 'approvals', 'waiting', 'queue', 'mine'],
  },
];

/** When nothing is in common: what people ask most (of the changes, the first ask). */
const MOST_ASKED: readonly CapabilityId[] = ['status', 'diagnose', ...CHANGE_ASKS.slice(0, 1).map((ask) => ask.intent)];
const MIN_WORD = 3;

function similarity(word: string, known: string): number {
  if (word === known) return 3;
  const shorter = Math.min(word.length, known.length);
  if (shorter >= 4 && (known.startsWith(word) || word.startsWith(known))) return 2;
  const distance = editDistance(word, known);
  if (shorter >= 4 && distance <= 1) return 2;
  if (shorter >= 7 && distance <= 2) return 1;
  return 0;
}

function score(words: readonly string[], capability: Capability): number {
  return words.reduce(
    (total, word) => total + Math.max(0, ...capability.words.map((known) => similarity(word, known))),
    0,
  );
}

/** At most `max` capabilities, closest first. */
export function closestCapabilities(text: string, max = 3): Capability[] {
  // Bounded: a pasted paragraph is judged on its first words.
  const words = (
    text
      .toLowerCase()
      .slice(0, 300)
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .filter((word) => word.length >= MIN_WORD)
    .slice(0, 30);
  const ranked = CAPABILITIES.map((capability, index) => ({ capability, index, score: score(words, capability) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.capability);
  const fallback = MOST_ASKED.map((id) => CAPABILITIES.find((capability) => capability.id === id)).filter(
    (capability): capability is Capability => capability !== undefined,
  );
  return (ranked.length > 0 ? ranked : fallback).slice(0, max);
}

export function capabilityById(id: unknown): Capability | undefined {
  return CAPABILITIES.find((capability) => capability.id === id);
}
