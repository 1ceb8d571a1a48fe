// One line saying what a change does, with the number masked: for cards, chat replies and notifications.
import type { ChangeRequest, ChangeStatus } from '../changes/change-request';
import { fromGraph, maskPhoneNumber } from '../phone/phone-number';

export function maskedNumber(graphNumber: string | undefined): string {
  const number = graphNumber ? fromGraph(graphNumber) : undefined;
  return number ? maskPhoneNumber(number) : 'a number';
}

export function changeSummary(request: Pick<ChangeRequest, 'kind' | 'target' | 'phoneNumber' | 'useForSignIn'>): string {
  const who = request.target.displayName;
  switch (request.kind) {
    case 'add-number':
      return `Add ${maskedNumber(request.phoneNumber)} as ${who}'s mobile number for sign-in`;
    case 'replace-number':
      return `Change ${who}'s mobile number to ${maskedNumber(request.phoneNumber)}`;
    case 'remove-number':
      return `Remove ${who}'s mobile number`;
    case 'enable-sms-sign-in':
      return `Turn on sign-in by text message for ${who}`;
    case 'disable-sms-sign-in':
      return `Turn off sign-in by text message for ${who}`;
    case 'revoke-sessions':
      return `Sign ${who} out everywhere`;
    case 'secure-lost-phone':
      return `Lost phone: turn off sign-in by text message for ${who} and sign them out everywhere`;
    case 'set-use-for-sign-in':
      return `${request.useForSignIn ? 'Tick' : 'Untick'} "Use for sign-in" for ${who} in the SMS policy (whole organisation)`;
  }
}

export const STATUS_WORDS: Readonly<Record<ChangeStatus, string>> = {
  pending: 'Waiting for approval',
  approved: 'Approved, starting',
  executing: 'Approved, being made now',
  succeeded: 'Done',
  failed: 'Not done',
  'partially-succeeded': 'Partly done',
  rejected: 'Rejected',
  expired: 'Expired',
  cancelled: 'Cancelled',
};
