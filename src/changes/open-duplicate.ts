// One open request per worker and change: a second identical ask is not filed, the person is pointed at the first.
import { specOf, type ChangeDetails } from '../methods/registry';
import type { ChangeRequest, ChangeStatus, ChangeTarget } from './change-request';
import type { ChangeStore } from './change-store';
import { fromGraph } from '../phone/phone-number';

const OPEN: ChangeStatus[] = ['pending', 'approved', 'executing'];

type DuplicateCandidate = ChangeDetails & { target: ChangeTarget };

/** The open request that already asks for the same change, if any. */
export async function openDuplicate(
  store: Pick<ChangeStore, 'list'>,
  candidate: DuplicateCandidate,
): Promise<ChangeRequest | undefined> {
  const spec = specOf(candidate);
  // A number that is part of what is asked is part of the match (a lost phone's number is only recorded).
  const asked = spec.newNumber?.(candidate);
  const e164 = asked ? fromGraph(asked)?.e164 : undefined;
  if (spec.newNumber && !e164) return undefined;
  const open = await store.list({
    targetUserId: candidate.target.userId,
    kinds: [candidate.kind],
    statuses: OPEN,
    ...(e164 && { phoneNumberE164: e164 }),
    limit: 20,
  });
  return open.find((request) => !spec.sameAsk || spec.sameAsk(candidate, request));
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
