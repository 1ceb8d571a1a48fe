// Keywords as people mistype them in a hurry on a phone: "satus of bob", "jane cnat sign in", "whos got 07700 …".
// Only whole words are corrected, so a name or an address that merely contains one ("Chekov", "chek@…") is left
// alone. Two-letter slips ("ad") are absent on purpose: too many names and initials look like them.

const CORRECTIONS: Readonly<Record<string, string>> = {
  satus: 'status',
  staus: 'status',
  stauts: 'status',
  statsu: 'status',
  chek: 'check',
  chekc: 'check',
  cehck: 'check',
  chck: 'check',
  cnat: "can't",
  cnta: "can't",
  dosent: "doesn't",
  dosnt: "doesn't",
  doesent: "doesn't",
  dosen: "doesn't",
  whos: "who's",
  whats: "what's",
  hows: "how's",
  recieve: 'receive',
  recieves: 'receives',
  recieved: 'received',
  recieving: 'receiving',
  recive: 'receive',
  reciving: 'receiving',
  numbr: 'number',
  numebr: 'number',
  nubmer: 'number',
  numer: 'number',
  nmber: 'number',
  remvoe: 'remove',
  reomve: 'remove',
  remoev: 'remove',
  delte: 'delete',
  reigster: 'register',
  regsiter: 'register',
  instrucitons: 'instructions',
  instuctions: 'instructions',
  instrutions: 'instructions',
  intructions: 'instructions',
  pendng: 'pending',
  pendign: 'pending',
  revoek: 'revoke',
  sigin: 'sign in',
  singin: 'sign in',
};

/** Not inside a word, an address ("chek@contoso.com", "j.chek@…") or a hyphenated or apostrophised name. */
const BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}_@.'-])`;
const AFTER = String.raw`(?![\p{L}\p{M}\p{N}_@'-]|\.[\p{L}\p{N}])`;
const TYPO = new RegExp(`${BEFORE}(?:${Object.keys(CORRECTIONS).join('|')})${AFTER}`, 'giu');

export function correctTypos(message: string): string {
  return message.replace(TYPO, (typo) => CORRECTIONS[typo.toLowerCase()] ?? typo);
}
