// Tenant posture asked in words: "which admins can sign in by text message?", "admins with weak sign-in"; "are we
// ready for February?", "SMS retirement readiness". Matched against keywordText (lower case, "sign-in" as "sign in").

const WEAK_ADMINS = [
  /\badmins?\s+(?:with|who|that|using|on)\b.*\b(?:weak|sms|text|badges?|qr|single)\b/,
  /\b(?:which|what|any|list|show)\s+(?:of\s+(?:the|our)\s+)?(?:\w+\s+)?admins?\b/,
  /\bweak\s+(?:sign\s?ins?|admins?)\b/,
];

const READINESS = [
  /\breadiness\b/,
  /\bready\s+for\s+(?:the\s+)?(?:1(?:st)?\s+)?(?:february|feb|2027|retirement|sms\s+retirement)\b/,
  /\bare\s+we\s+ready\b/,
  /\bretirement\s+(?:check|status|plan)\b/,
];

export function postureQuestion(request: string): { kind: 'weak-admins' | 'readiness' } | undefined {
  if (READINESS.some((pattern) => pattern.test(request))) return { kind: 'readiness' };
  if (WEAK_ADMINS.some((pattern) => pattern.test(request))) return { kind: 'weak-admins' };
  return undefined;
}
