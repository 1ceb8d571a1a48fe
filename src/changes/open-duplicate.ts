// One open request per worker and change: a second identical ask is not filed, the person is pointed at the first.
import type { ChangeKind } from './change-kind';
import type { ChangeRequest, ChangeStatus, ChangeTarget } from './change-request';
import type { ChangeStore } from './change-store';
import { fromGraph } from '../phone/phone-number';

const OPEN: ChangeStatus[] = ['pending', 'approved', 'executing'];
/** Kinds whose number is part of what is asked (for the others it is only recorded, as a lost phone's). */
const BY_NUMBER: ReadonlySet<ChangeKind> = new Set(['add-number', 'replace-number']);

export interface DuplicateCandidate {
  kind: ChangeKind;
  target: ChangeTarget;
  phoneNumber?: string;
  policyTargetId?: string;
  useForSignIn?: boolean;
}

/** The open request that already asks for the same change, if any. */
export async function openDuplicate(store: Pick<ChangeStore, 'list'>, candidate: DuplicateCandidate): Promise<ChangeRequest | undefined> {
  const e164 = BY_NUMBER.has(candidate.kind) && candidate.phoneNumber ? fromGraph(candidate.phoneNumber)?.e164 : undefined;
  if (BY_NUMBER.has(candidate.kind) && !e164) return undefined;
  const open = await store.list({ targetUserId: candidate.target.userId, kinds: [candidate.kind], statuses: OPEN, ...(e164 && { phoneNumberE164: e164 }), limit: 20 });
  return open.find((request) => candidate.kind !== 'set-use-for-sign-in' || (request.policyTargetId === candidate.policyTargetId && request.useForSignIn === candidate.useForSignIn));
}

const STANDING: Readonly<Record<string, string>> = {
  pending: 'still waiting for approval',
  approved: 'approved and about to be made',
  executing: 'being made now',
};

/** Points the person at the open request, in plain words. */
export function alreadyAsked(open: ChangeRequest): string {
  return `Request ${open.number}, asked by ${open.requester.name}, already asks for this and is ${STANDING[open.status] ?? open.status}, so I haven't asked again.`;
}
