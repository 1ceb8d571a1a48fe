// The words that say what a message asks for. Patterns are matched against `keywordText`: lower case, the phone
// number replaced by "☎", email addresses by "✉", punctuation (hyphens too) by spaces, so "sign-in", "Sign In" and
// "signin" read alike; letters and combining marks outside ASCII read as "_" (keywords are English words). Every pattern is linear: bounded gaps ({0,3}), never two unbounded wildcards.
import type { PhoneNumberMention } from './extract-phone-number';

const PHONE_MARK = '☎';

export function keywordText(text: string, phone?: PhoneNumberMention): string {
  const withMark = phone ? `${text.slice(0, phone.start)} ${PHONE_MARK} ${text.slice(phone.end)}` : text;
  return (
    withMark
      .replace(/[^\s@]+@[^\s@]+/g, ' ✉ ')
      .toLowerCase()
      // Combining marks belong to their word: "Who\u0301" (Whó, decomposed) is one word, not "who".
      .replace(/[^\p{L}\p{M}\p{N}'?☎✉]+/gu, ' ')
      // The patterns' \b is ASCII-only: a letter or mark outside ASCII becomes "_", a word character that no keyword
      // has, so that "Γadd" is one word, not "add" (and "Teøt" is not "text", as an "x" would make it).
      .replace(/[^\x00-\x7f☎✉]/gu, '_')
      .replace(/\?/g, ' ? ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Whole messages that ask what the bot can do. */
export const HELP_PHRASES: ReadonlySet<string> = new Set([
  'help',
  'help me',
  'h',
  'what can you do',
  'what can you do for me',
  'what do you do',
  'what can i do',
  'what can i ask',
  'what can i say',
  'what can i type',
  'what are the commands',
  'commands',
  'command',
  'list commands',
  'show commands',
  'show me the commands',
  'menu',
  'options',
  'hi',
  'hello',
  'hey',
  'hiya',
  'heya',
  'yo',
  'howdy',
  'good morning',
  'good afternoon',
  'good evening',
  'morning',
  'hi there',
  'hello there',
  'hey there',
  'hi all',
  'hello all',
  'hi team',
  'start',
  'get started',
  'getting started',
  'how does this work',
  'how do i use this',
  'how do i use you',
  'usage',
  'about',
  'who are you',
  'what are you',
  'what is this',
  'what is',
  "what's this",
  'what can u do',
  'what can u do for me',
  'what do i type',
  'what do i say',
  'what do i ask',
  'what do you do for me',
]);

/** "help" somewhere in a message nothing else understood. */
export const HELP_WORDS = [/\bhelp\b/, /\bcommands?\b/, /\bmenu\b/];

/** A whole message that stops what is going on: "cancel", "never mind". */
export const STOP_PHRASES: ReadonlySet<string> = new Set([
  'cancel',
  'cancel it',
  'cancel that',
  'cancel this',
  'stop',
  'stop it',
  'never mind',
  'nevermind',
  'forget it',
  'abort',
  'exit',
  'quit',
  'nothing',
  'no thanks',
]);

/** "who has 07700 900456", "whose number is …", "who owns …", "who does … belong to". */
export const WHO_HAS = [
  /\bwho(?:'s|\s+is|\s+has|\s+owns|\s+uses|\s+is\s+using|'s\s+using|\s+has\s+got|'s\s+got|\s+got)\s+(?:(?:the|this|that)\s+)?(?:(?:number|phone|mobile)\s+)?☎/,
  /\bwhose\s+(?:number|phone|mobile|sim)\b/,
  /\bwho(?:m)?\s+(?:does|do|is)\s+(?:\S+\s+){0,3}?belong/,
  /\bbelongs?\s+to\s+who(?:m)?\b/,
  /\b(?:owner|holder|user)\s+of\s+(?:(?:the|this|that)\s+)?(?:number\s+)?☎/,
  /\bwhich\s+(?:user|worker|account|person|employee|member|colleague)\s+(?:has|owns|uses|is\s+using)\b/,
  /\bwho\s+(?:has|owns|is\s+using|uses|'s\s+got|has\s+got)\s+(?:it|that|this|that\s+number|this\s+number|the\s+number)\b/,
  /\bwho\s+(?:has|is\s+using|uses|owns)\s+(?:the\s+)?(?:number|phone|mobile)\s+☎/,
];

/** "pending", "my requests", "open requests", "queue", "what needs approval". */
export const PENDING = [
  /\bpending\b/,
  /\bmy\s+(?:open\s+|own\s+|outstanding\s+)?(?:change\s+)?requests?\b/,
  /\bopen\s+requests?\b/,
  /\bqueue\b/,
  /\b(?:needs?|awaiting|await|waiting\s+(?:for|on)|requires?|for)\s+(?:my\s+|an\s+)?approv(?:al|ing)\b/,
  /\bto\s+approve\b/,
  /\bapprovals\b/,
  /\boutstanding\b/,
  /^(?:(?:show|list|see)\s+)?(?:me\s+)?(?:all\s+)?(?:the\s+)?requests$/,
  /\bwhat(?:'s|\s+is)\s+waiting\b/,
  /\brequests?\s+(?:\S+\s+){0,2}?(?:waiting|pending|open|outstanding)\b/,
];

/** The tenant itself: "check the tenant", "tenant check", "sms policy". */
export const TENANT = [/\btenant\b/, /\bpolic(?:y|ies)\b/, /\bauth(?:entication)?\s+methods?\b/];

/** Asks what phonedesk did for a worker before: "history of Bob", "what changed for Ali?". */
export const HISTORY = [
  /\bhistory\b/,
  /\baudit\s+trail\b/,
  /\bwhat\s+(?:has\s+|have\s+)?(?:changed|happened)\s+(?:for|to|with)\b/,
  /\b(?:past|previous|earlier|recent|old|last)\s+(?:changes|requests)\b/,
  /\bwhat\s+(?:has|have|did)\s+(?:\S+\s+){0,2}?(?:done|do|changed)\s+(?:for|to|with)\b/,
];

/** About SMS sign-in being available; the tenant when no worker is named, else that worker's status. */
export const SMS_SIGN_IN_AVAILABLE = [
  /\b(?:usable|use|used)\s+for\s+sign\s?in\b/,
  /\bsms\b(?:\s+\S+){0,3}?\s+(?:set\s?up|enabled|configured|turned\s+on|switched\s+on|on|working|available|allowed|active|live)\b/,
  /\b(?:allowed|able|enabled|permitted)\s+to\s+use\s+sms\b/,
  /\b(?:set\s?up|configured|enabled|ready)\s+for\s+sms\b/,
  /\bcan\s+(?:\S+\s+){0,2}?use\s+sms\b/,
];

/** "instructions for Jane", "how does Jane sign in". */
export const INSTRUCTIONS = [
  /\binstructions?\b/,
  /\bhow\s?to\b/,
  /\bguide\b/,
  /\bwalk\s?through\b/,
  /\bsteps\b/,
  /\bprint(?:out|able)?\b/,
  /\bhow\s+(?:does|do|should|can|will|would)\s+(?:\S+\s+){1,3}?(?:sign|log)\s?in\b/,
];

/** FIG6: the worker's number is not enabled for SMS sign-in. */
export const FIG6 = [/\bfig\s*6\b/];
/** The number is someone else's. */
export const NUMBER_IN_USE = [
  /\bin\s+use\b/,
  /\btaken\b/,
  /\balready\s+(?:used|in\s+use|registered|assigned|exists|on)\b/,
  /\bused\s+(?:by|on)\s+(?:someone|somebody|another|a\s+different|other)\b/,
  /\bduplicate\b/,
  /\bbelongs?\s+to\s+(?:someone|somebody|another)\b/,
  /\bsomeone\s+else'?s?\b/,
];
/** Any other description of a sign-in problem. */
export const CANNOT_SIGN_IN = [
  /\b(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|unable\s+to|not\s+able\s+to|won'?t|doesn'?t|does\s+not|didn'?t|did\s+not|isn'?t|is\s+not|not|never|stopped|keeps)\s+(?:\S+\s+){0,3}?(?:sign|signing|log|logging|login|signin|get|gets|getting|receive|receiving|received|access|work|works|working|use|using)\b/,
  // "fail" as a word, not the start of a name ("why is Failla not set up?").
  /\bwhy\b(?:\s+\S+){0,6}?\s+(?:sign|signing|log|logging|login|signin|code|codes|text|sms|work|working|fail(?:s|ed|ing|ures?)?|error)\b/,
  /\b(?:locked\s+out|lockout|no\s+codes?|no\s+texts?|no\s+sms|wrong\s+code|error|errors|problem|problems|issue|issues|trouble|broken|fails?|failing|failed|stuck)\b/,
  /\bhow\s+come\b/,
  /\b(?:codes?|texts?|sms)\s+(?:\S+\s+){0,2}?(?:never|not|doesn'?t|isn'?t|didn'?t|don'?t|aren'?t|won'?t)\s+(?:\S+\s+)?(?:arrive|arrives|arriving|come|comes|coming|work|working|through)\b/,
  /\bnever\s+(?:arrive|arrives|arrived|comes?|came)\b/,
  /\blost\s+access\b/,
];

/** About a worker's state: "status of Jane", "is Bob ready?", "check Ali". */
export const STATUS = [
  /\bstatus\b/,
  /\bstate\b/,
  /\bready\b/,
  /\bset\s?up\b/,
  /\ball\s+set\b/,
  /\bsorted\b/,
  /\b(?:registered|enrolled|enabled|configured|active)\b/,
  /\bgood\s+to\s+go\b/,
  /\bcheck\b/,
  /\blook\s?up\b/,
  /\b(?:show|find|details?|info|information)\b/,
  /\bhow(?:'s|\s+is|\s+about)\b/,
  /\bwhat\s+about\b/,
  /\bany\s+(?:news|updates?)\b/,
  /\bwhat(?:'s|\s+is)\s+(?:happening|going\s+on)\b/,
];
/** Whether the request (as typed) is a yes/no question: "is …", "has Ali left", "can Bob sign in?". */
export function isYesNoQuestion(request: string): boolean {
  if (/^(?:is|are|was|were|has|have|had|does|did)\s/i.test(request)) return true;
  // "Will", "May", "Can" and "Do" are also names: "Will Smith's new number is …" is not a question.
  return (
    /^(?:do|can|could|will|would|should|may)\s/i.test(request) && (/^\p{Ll}/u.test(request) || request.includes('?'))
  );
}
/** "what's Ali's number?", "which phone does Bob use?" */
export const NUMBER_QUESTION = [
  /\b(?:number|phone|mobile)\b(?=.{0,80}\?)|^(?:what|which|whats)\b.{0,80}\b(?:number|phone|mobile)\b/,
];
