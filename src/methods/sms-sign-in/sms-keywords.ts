// The words that ask for an SMS sign-in change, matched against the parser's keyword text (methods/change-ask.ts,
// AskWords): lower case, the phone number as "☎". Every pattern is linear: bounded gaps, never two unbounded wildcards.

const DEVICE = '(?:work\\s+)?(?:phone|phones|mobile|handset|device|sim|sim\\s+card|cell|cellphone|iphone|android)';

/** Lost or stolen phone, SIM swap: "Ali lost their phone", "SIM swapped for Ali", "phone was stolen". */
export const LOST_PHONE = [
  new RegExp(`\\b(?:lost|lose|loses|losing|misplaced|missing|dropped|broke|smashed)\\s+(?:\\S+\\s+){0,2}?${DEVICE}\\b`),
  new RegExp(`\\b${DEVICE}\\s+(?:\\S+\\s+){0,3}?(?:lost|stolen|missing|nicked|taken|gone|misplaced)\\b`),
  /\b(?:stolen|stole|robbed|mugged|nicked)\b/,
  // "swap" as a word, not the start of a name ("disable Swapna Rao's SIM" is no SIM swap).
  /\bsim\s*swap(?:s|ped|ping)?\b/,
  /\bswap(?:s|ped|ping)?\s+(?:\S+\s+){0,2}?sims?\b/,
  /\bsims?\s+(?:card\s+)?(?:\S+\s+){0,3}?(?:swapped|swap|replaced|changed|ported)\b/,
  /\bnew\s+sim\b/,
  /\bsim\s+(?:card\s+)?replacement\b/,
  new RegExp(`\\bcan'?t\\s+find\\s+(?:\\S+\\s+)?${DEVICE}\\b`),
];

/** Add verbs that always mean a new number: "add …", "register …". */
export const ADD = [/\b(?:add|register|enrol|enroll|assign)\b/];
/** Verbs that mean a new number when they start the message: "set Jane's number to …", "change Ali's number". */
export const ADD_LEADING = [
  /^(?:set|put|change|replace|link|save|attach|swap)\b/,
  /^update\b(?!\s+(?:on|about|me)\b)/,
  /^switch\b(?!\s+(?:\S+\s+){0,3}?off\b)/,
  /^use\s+(?:the\s+)?(?:number\s+)?☎/,
];
/** …or when a phone number is given and the message does not ask whether something is so. */
export const ADD_WITH_NUMBER = [
  /\b(?:set|put|change|changed|update|updated|replace|replaced|link|save|switch|switched|move|moved)\b/,
];
/** "Jane Doe's new number is …", "number change for Ali": an add unless a problem is described. */
export const NEW_NUMBER = [
  /\bnew\s+(?:mobile\s+|phone\s+|work\s+|cell\s+)?(?:number|phone|mobile)\b/,
  /\b(?:number|phone|mobile)\s+(?:change|update)\b/,
  /\bchange\s+of\s+(?:number|phone|mobile)\b/,
  /\bdifferent\s+(?:number|phone|mobile)\b/,
  /\b(?:number|phone|mobile)\s+(?:needs\s+)?(?:to\s+be\s+)?(?:added|registered|set\s+up|changed|updated)\b/,
  /\bneeds?\s+(?:\S+\s+){0,2}?(?:setting\s+up|adding|registering|enrolling|enroling)\b/,
];

const BY_TEXT = '(?:sms|text|texts|text\\s+message)';
const SIGNING_IN = '(?:sign\\s?in|sign\\s?ins|signing\\s+in|log\\s?in|login|logins|logging\\s+in)';
/** "turn off SMS sign-in for Ali", "switch Ali's text login off", "stop Bob signing in by text": the number stays. */
export const SMS_SIGN_IN_OFF = [
  new RegExp(`\\b(?:disable|deactivate|stop|untick|block)\\s+(?:\\S+\\s+){0,3}?${BY_TEXT}\\s+${SIGNING_IN}\\b`),
  new RegExp(`\\b(?:turn|switch|take)\\s+off\\s+(?:\\S+\\s+){0,3}?${BY_TEXT}\\s+${SIGNING_IN}\\b`),
  new RegExp(`\\b(?:turn|switch|take)\\s+(?:\\S+\\s+){0,3}?${BY_TEXT}\\s+${SIGNING_IN}\\s+(?:\\S+\\s+){0,2}?off\\b`),
  new RegExp(`\\bstop\\s+(?:\\S+\\s+){0,3}?${SIGNING_IN}\\s+(?:by|with|via|using)\\s+${BY_TEXT}\\b`),
];
/** "turn on SMS sign-in for Bob", "enable Bob's text login", "turn SMS sign-in back on for Chloe" (FIG6's fix). */
export const SMS_SIGN_IN_ON = [
  new RegExp(
    `\\b(?:enable|re\\s?enable|activate|reactivate|allow|unblock)\\s+(?:\\S+\\s+){0,3}?${BY_TEXT}\\s+${SIGNING_IN}\\b`,
  ),
  new RegExp(`\\b(?:turn|switch|put)\\s+(?:back\\s+)?on\\s+(?:\\S+\\s+){0,3}?${BY_TEXT}\\s+${SIGNING_IN}\\b`),
  new RegExp(`\\b(?:turn|switch|put)\\s+(?:\\S+\\s+){0,3}?${BY_TEXT}\\s+${SIGNING_IN}\\s+(?:\\S+\\s+){0,2}?on\\b`),
  new RegExp(`\\blet\\s+(?:\\S+\\s+){0,3}?(?:sign|log)\\s?in\\s+(?:by|with|via|using)\\s+${BY_TEXT}\\b`),
];
/** Words that take the number itself away: with them, turning SMS sign-in off is removing the number. */
export const NUMBER_GOES = [/\b(?:remove|delete|erase|unregister|deregister|unlink|get\s+rid\s+of)\b/];

/** "remove Ali's number", "deactivate Ali's phone"; "disable SMS sign-in" is SMS_SIGN_IN_OFF, tried first. */
export const REMOVE = [
  /\b(?:remove|delete|disable|deactivate|unregister|deregister|erase|unlink|offboard)\b/,
  /\b(?:take|turn|switch)\s+(?:\S+\s+){0,3}?off\b/,
  /\bget\s+rid\s+of\b/,
  // "kill Bob's login", "cut off Jane's access", "nuke their sign in": slang for taking the sign-in away. Not across
  // a problem: "his texts got cut off, can't access teams".
  /\b(?:kill|cut|nuke|pull)\s+(?:off\s+)?(?:(?!can'?t\b|cannot\b|not\b|no\b|won'?t\b|couldn'?t\b|doesn'?t\b|isn'?t\b)\S+\s+){0,3}?(?:login|logins|log\s?in|access|sign\s?in|account)\b/,
];

/** The worker left: "Ali left", "Ali Khan has left the company", "leaver", "leaving". Not "left his phone". */
export const LEAVER = [
  new RegExp(`\\bleft\\b(?!\\s+(?:(?:his|her|their|the|a|my|its)\\s+)?${DEVICE}\\b)`),
  /\b(?:leaver|leavers|leaving|quit|quits|resigned|resigning|retired|retiring|offboarded|offboarding|terminated|dismissed|fired)\b/,
  /\bno\s+longer\s+(?:works?|working|employed|with\s+us|here|at)\b/,
  /\blast\s+day\b/,
  /\blet\s+go\b/,
  /\bmoved\s+on\b/,
  // "handed in her notice", "handed his notice in", "put in his two weeks", "gave notice".
  /\b(?:hand(?:ed|s|ing)?|put|puts|putting|gave|given|giving|gives|turned)\s+(?:in\s+)?(?:(?:his|her|their|the|a|my)\s+)?(?:notice|resignation|two\s+weeks|2\s+weeks)\b/,
  /\b(?:sacked|laid\s+off|made\s+redundant)\b/,
  /\b(?:doesn'?t|does\s+not|don'?t|do\s+not)\s+work\s+(?:here|for\s+us|with\s+us)\b/,
  /\b(?:isn'?t|is\s+not|aren'?t|are\s+not)\s+with\s+us\b/,
];
