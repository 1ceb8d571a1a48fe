// The words that ask to sign a worker out everywhere, matched against the parser's keyword text
// (methods/change-ask.ts, AskWords).

/** "sign Ali out everywhere", "log out Bob", "revoke Ali's sessions". */
export const REVOKE = [
  /\b(?:sign|log)\s+(?:(?!in\b|into\b|on\b|up\b)\S+\s+){0,3}?out\b/,
  /\b(?:signout|logout)\b/,
  /\b(?:signing|logging)\s+(?:(?!in\b|into\b|on\b|up\b)\S+\s+){0,3}?out\b/,
  /\b(?:get|be|needs?)\s+(?:\S+\s+){0,2}?(?:signed|logged)\s+out\b/,
  /\brevok(?:e|es|ed|ing)\b/,
  /\bkick\s+(?:\S+\s+){0,3}?out\b/,
  /\b(?:end|kill|terminate|close|reset|clear)\s+(?:(?:all|his|her|their|the|every|active|open|of|[^\s']+'s)\s+){0,3}sessions?\b/,
  /\bsessions?\s+(?:\S+\s+){0,2}?(?:revoked|ended|killed)\b/,
];
