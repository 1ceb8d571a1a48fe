// "Turn off SMS sign-in for everyone", "disable SMS sign-in for the whole organisation", "switch off SMS sign-in
// for the Frontline workers group": SMS sign-in off beyond one worker. Matched against keywordText.

const OFF = /\b(?:turn(?:ing)?\s+off|switch(?:ing)?\s+off|shut(?:ting)?\s+off|disabl\w*|stop\w*|end(?:ing)?)\b/;
const SMS = /\b(?:sms|text\s+messages?)\b/;
const EVERYONE =
  /\b(?:everyone|everybody|all\s+users|all\s+workers|whole\s+(?:organi[sz]ation|company|tenant|business)|the\s+(?:organi[sz]ation|company|tenant)|tenant\s?wide|organi[sz]ation\s?wide|company\s?wide)\b/;
const GROUP = /\bfor\s+(?:the\s+)?(.+?)\s+group\b/;

export interface SmsOffQuestion {
  /** The group as typed ("frontline workers"); none: everyone. */
  group?: string;
}

export function smsOffQuestion(request: string): SmsOffQuestion | undefined {
  if (!OFF.test(request) || !SMS.test(request)) return undefined;
  const group = GROUP.exec(request)?.[1]?.trim();
  if (group) return { group };
  return EVERYONE.test(request) ? {} : undefined;
}
