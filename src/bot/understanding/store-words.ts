// Questions about a whole store rather than one worker: "how is my store doing?", "who in my store can't sign in?",
// "overview of Leeds", "how are my stores doing?". Matched against keywordText (lower case, punctuation as spaces).

const STORE_NOUN = String.raw`(?:stores?|shops?|branch(?:es)?|sites?|locations?)`;
/** "my store", "our shops", "the whole store", "all my stores", "every store", "the Leeds store". */
const A_STORE = new RegExp(
  String.raw`\b(?:my|our|the|this|whole|all|every|each|entire)\s+(?:\S+\s+){0,2}?${STORE_NOUN}\b`,
);
const BARE = new RegExp(
  String.raw`^(?:(?:my|our|the)\s+)?(?:${STORE_NOUN}\s+)?(?:overview|summary|dashboard)$|^(?:my|our)\s+${STORE_NOUN}$`,
);
/** Words that ask how a store stands, as opposed to a change for it. */
const ASKS_HOW = [
  /\boverview\b/,
  /\bsummary\b/,
  /\bdashboard\b/,
  /\bhow\b/,
  /\b(?:who|which|anyone|anybody|everyone|everybody|people|workers|staff)\b/,
  /\bstatus\b/,
  /\breport\b/,
  /\bdoing\b/,
  /\bready\b/,
];
/** Words that start a change: a store-wide change is not an overview. */
const CHANGE_WORDS = /\b(?:move|migrate|switch|finish|add|remove|give|issue|turn|disable|enable|onboard|delete)\b/;
/** Words that are not part of a store's name, before or after it. */
/** "Bob in my store": a question about one worker, who happens to be in the store. */
const A_WORKER_IN_A_STORE =
  /\b(?!(?:who|which|anyone|anybody|everyone|everybody|people|workers|staff|one|many|all)\b)[a-z'_]+\s+(?:in|at|from)\s+(?:my|our|the|this)\s+(?:[a-z'_]+\s+){0,3}?(?:store|shop|branch)\b/;
const NOT_A_NAME = new Set(
  'my our the this whole all every each entire in of for at how is are doing who which what about overview summary status report dashboard s'.split(
    ' ',
  ),
);
const SINGLE_STORE_NOUN = /^(?:store|shop|branch|site|location)$/;

export interface StoreQuestion {
  /** The store as typed, when one is named ("leeds"); otherwise the requester's own stores. */
  store?: string;
}

/** The store named in the words, if any: "overview of Leeds", "the Leeds store", "is the Leeds Briggate shop ready". */
function namedStore(text: string): string | undefined {
  const tokens = text.split(' ');
  const of = tokens.findIndex(
    (token, index) =>
      ['of', 'for', 'at'].includes(token) &&
      /^(?:overview|summary|status|report|dashboard)$/.test(tokens[index - 1] ?? ''),
  );
  let words: string[] = [];
  if (of >= 0) {
    words = tokens.slice(of + 1).filter((token) => token !== 'the');
    while (words.length > 0 && SINGLE_STORE_NOUN.test(words[words.length - 1]!)) words.pop();
  } else {
    const noun = tokens.findIndex((token) => SINGLE_STORE_NOUN.test(token));
    for (let index = noun - 1; index >= 0 && words.length < 3 && !NOT_A_NAME.has(tokens[index]!); index--)
      words.unshift(tokens[index]!);
  }
  const name = words.join(' ').trim();
  return name === '' || words.every((word) => NOT_A_NAME.has(word)) ? undefined : name;
}

const MOVE_WORDS = /\b(?:move|moving|migrate|migrating|switch|switching|convert|converting|get|put)\b/;
const TO_BADGES = /\b(?:qr|badges?)\b/;

/**
 * "Move my store to QR codes", "migrate the Leeds store to badges": a store's move; "finish moving my store":
 * finishing it. Undefined for anything else.
 */
export function storeMove(request: string): (StoreQuestion & { finish: boolean }) | undefined {
  const text = request.replace(/\s*\?\s*$/, '').trim();
  if (!A_STORE.test(text) || A_WORKER_IN_A_STORE.test(text)) return undefined;
  const finish = /\b(?:finish|finishing|complete|completing)\b/.test(text);
  if (!finish && (!MOVE_WORDS.test(text) || !TO_BADGES.test(text))) return undefined;
  if (finish && !/\b(?:mov\w*|migrat\w*|switch\w*|badges?|qr)\b/.test(text)) return undefined;
  const store = namedStore(text);
  return { finish, ...(store !== undefined && { store }) };
}

/** A question about a store (or all of the requester's stores), or undefined. */
export function storeQuestion(request: string): StoreQuestion | undefined {
  const text = request.replace(/\s*\?\s*$/, '').trim();
  if (BARE.test(text)) return {};
  if (CHANGE_WORDS.test(text) || A_WORKER_IN_A_STORE.test(text)) return undefined;
  const aboutStore = A_STORE.test(text) || /\b(?:overview|summary|dashboard)\b/.test(text);
  if (!aboutStore || !ASKS_HOW.some((pattern) => pattern.test(text))) return undefined;
  const store = namedStore(text);
  return store === undefined ? {} : { store };
}
