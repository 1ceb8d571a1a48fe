// Pure rules: which role holders can sign in with a single check (a text message to their number, or a QR badge
// and PIN), the SIM swap and lost-badge risks Microsoft says no admin should carry.
import { isActive } from '../methods/qr-code-pin/qr-findings';
import type { QrSnapshot } from '../methods/qr-code-pin/qr-types';
import { signsInBySms, type SmsSnapshot } from '../methods/sms-sign-in/sms-snapshot';

export type WeakWay = 'sms' | 'badge';

export interface AdminRole {
  displayName: string;
  /** Through Privileged Identity Management: they may turn it on when they need it. */
  eligible: boolean;
  /** For one store (an administrative unit) rather than the whole tenant. */
  scoped: boolean;
  /** Held as a member of a role-assignable group. */
  throughGroup?: string;
}

export interface WeakAdmin {
  userId: string;
  displayName: string;
  userPrincipalName: string;
  roles: AdminRole[];
  ways: WeakWay[];
}

/** The single-check ways in that someone has now: SMS sign-in ready on their mobile, a badge that works. */
export function weakWays(phones: SmsSnapshot, qr: QrSnapshot, now: Date): WeakWay[] {
  const ways: WeakWay[] = [];
  if (signsInBySms(phones)) ways.push('sms');
  const badge = qr.qrCodePin;
  if (badge && (isActive(badge.standardQRCode, now) || isActive(badge.temporaryQRCode, now))) ways.push('badge');
  return ways;
}
