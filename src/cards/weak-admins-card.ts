// "Admins with weak sign-in": everyone holding a directory role (active, or eligible to turn on) who can sign in with
// a single check, a text message or a QR badge, with the fix offered per person. A fix asks for the usual change,
// approved by a second person; the button carries only who and which fix, both checked again when pressed.
import type { WeakAdmin, WeakWay } from '../diagnosis/weak-admins';
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement } from './adaptive-card';
import { cardDateTime } from './card-time';
import { plural, text } from './card-words';

export const WEAK_ADMIN_VERB = 'weakAdmin.fix';

export interface WeakAdminsView {
  admins: readonly WeakAdmin[];
  holders: number;
  unread: number;
  eligibleNote?: string;
  readAt: string;
}

const WAYS: Record<WeakWay, string> = {
  sms: 'can sign in by text message (SIM swap)',
  badge: 'has a working QR badge (a badge and a PIN are one check)',
};

function rolesInWords(admin: WeakAdmin): string {
  return admin.roles
    .map((role) => {
      const parts = [role.eligible ? 'eligible, not active' : undefined, role.scoped ? 'for one store' : undefined];
      if (role.throughGroup) parts.push(`through ${role.throughGroup}`);
      const notes = parts.filter((part): part is string => part !== undefined);
      return notes.length > 0 ? `${role.displayName} (${notes.join(', ')})` : role.displayName;
    })
    .join(', ');
}

function adminLines(admin: WeakAdmin): CardElement[] {
  const first = admin.displayName.split(' ')[0] ?? admin.displayName;
  const actions = admin.ways.map((way) =>
    executeAction(way === 'sms' ? `Turn off SMS sign-in for ${first}` : `Remove ${first}'s QR badge`, WEAK_ADMIN_VERB, {
      userId: admin.userId,
      fix: way,
    }),
  );
  return [
    text(`${admin.displayName} (${admin.userPrincipalName})`, { weight: 'Bolder', separator: true }),
    text(`${rolesInWords(admin)}; ${admin.ways.map((way) => WAYS[way]).join(', and ')}.`, { spacing: 'None' }),
    { type: 'ActionSet', actions },
  ];
}

export function buildWeakAdminsCard(view: WeakAdminsView): AdaptiveCard {
  const body: CardElement[] = [
    text('Admins with weak sign-in', { weight: 'Bolder', size: 'Medium' }),
    text(`Read live from Microsoft 365 at ${cardDateTime(view.readAt)}, ${plural(view.holders, 'role holder')}.`, {
      isSubtle: true,
      size: 'Small',
    }),
  ];
  if (view.admins.length === 0)
    body.push(text('Nobody holding an admin role can sign in by text message or with a QR badge.'));
  else {
    body.push(
      text(
        `${plural(view.admins.length, 'person', 'people')} with an admin role can sign in with a single check. Admins should use a passkey or the Authenticator app; each fix is approved by a second person.`,
      ),
    );
    for (const admin of view.admins) body.push(...adminLines(admin));
  }
  if (view.unread > 0)
    body.push(
      text(`${plural(view.unread, 'role holder')} could not be read just now; ask again in a minute.`, {
        isSubtle: true,
      }),
    );
  if (view.eligibleNote) body.push(text(view.eligibleNote, { isSubtle: true }));
  return adaptiveCard(body);
}
