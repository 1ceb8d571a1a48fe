// People are named as the directory names them. Teams sends a display name with every activity, but any client
// can put anything there: requests, decisions, cancellations, cards, outcome texts and the audit log use the
// Entra display name read with the person's aadObjectId instead.
import type { AuditRecord } from '../../src/audit/audit-record';
import {
  BotHarness,
  HANA,
  MARCUS,
  PRIYA,
  VICTOR,
  chatUser,
  findButton,
  textOf,
  waitUntil,
  useBot,
} from '../helpers/bot-harness';

const harness = new BotHarness();

// The same people (same ids), with the names a forging client sends.
const FORGED = 'Forged Name';
const PRIYA_FORGED = chatUser(PRIYA.alias, `${FORGED} (Priya)`);
const HANA_FORGED = chatUser(HANA.alias, `${FORGED} (Hana)`);
const VICTOR_FORGED = chatUser(VICTOR.alias, `${FORGED} (Victor)`);
const MARCUS_FORGED = chatUser(MARCUS.alias, `${FORGED} (Marcus)`);

async function auditRecords(requestId?: string): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of harness.bot.services.stores.audit.read())
    if (requestId === undefined || record.requestId === requestId) records.push(record);
  return records;
}

async function ask(text: string): Promise<string> {
  const asked = await harness.say(PRIYA_FORGED, text);
  const requestId = findButton(asked, 'change.cancel')?.requestId;
  if (typeof requestId !== 'string') throw new Error(`no request for "${text}": ${textOf(asked)}`);
  return requestId;
}

useBot(harness, [PRIYA, HANA, VICTOR, MARCUS]);

describe('a forged display name', () => {
  it('never names the requester or the approver: the directory name is on the cards, the outcome and the audit log', async () => {
    const before = harness.connector.calls.length;
    const requestId = await ask('add +44 7700 900123 for Jane Doe because new starter');
    const approvalCard = harness.postsTo(HANA, before);
    expect(textOf(approvalCard)).toMatch(/Priya Shah asks you to approve request \d+/);

    const approved = await harness.click(HANA_FORGED, 'change.approve', { requestId });
    expect(JSON.stringify(approved.body.value)).toMatch(/Approved by.*Hana Kim/);
    await waitUntil('Priya to be told', () =>
      /Jane Doe can now sign in/.test(textOf(harness.postsTo(PRIYA, before))) ? true : undefined,
    );

    const stored = await harness.bot.services.stores.changes.get(requestId);
    expect(stored?.requester.name).toBe('Priya Shah');
    expect(stored?.decidedBy?.name).toBe('Hana Kim');
    const records = await auditRecords(requestId);
    expect(records.find((record) => record.operation === 'change.requested')?.actor.name).toBe('Priya Shah');
    expect(records.find((record) => record.operation === 'change.approved')?.actor.name).toBe('Hana Kim');
    // The executor's Graph calls are made on the approver's behalf, for the requester.
    expect(records.find((record) => record.operation === 'phoneMethods.create')).toMatchObject({
      actor: { name: 'Hana Kim' },
      requester: { name: 'Priya Shah' },
    });
    expect(textOf(harness.connector.calls.slice(before))).not.toContain(FORGED);
  });

  it('is not the name in a rejection told to the requester', async () => {
    const requestId = await ask('Chloe Evans lost her phone');
    const before = harness.connector.calls.length;
    await harness.click(VICTOR_FORGED, 'change.reject', { requestId });
    const told = await waitUntil('Priya to be told', () => {
      const text = textOf(harness.postsTo(PRIYA, before));
      return /rejected request \d+/.test(text) ? text : undefined;
    });
    expect(told).toMatch(/Victor Osei rejected request \d+/);
    expect((await auditRecords(requestId)).find((record) => record.operation === 'change.rejected')?.actor.name).toBe(
      'Victor Osei',
    );
    expect(textOf(harness.connector.calls.slice(before))).not.toContain(FORGED);
  });

  it('is not recorded for a refused decision nor for a cancellation', async () => {
    const requestId = await ask('sign Julia Young out everywhere because new phone');
    const before = harness.connector.calls.length;
    const refused = await harness.click(MARCUS_FORGED, 'change.approve', { requestId });
    expect(refused.body.value).toBe('Only phonedesk approvers can decide change requests.');
    const cancelled = await harness.click(PRIYA_FORGED, 'change.cancel', { requestId });
    expect(JSON.stringify(cancelled.body.value)).toMatch(/Cancelled by Priya Shah/);

    const records = await auditRecords(requestId);
    expect(records.find((record) => record.operation === 'change.decision.refused')?.actor.name).toBe('Marcus Lee');
    expect(records.find((record) => record.operation === 'change.cancelled')?.actor.name).toBe('Priya Shah');
    expect(textOf(harness.connector.calls.slice(before))).not.toContain(FORGED);
  });

  it('appears nowhere in the audit log', async () => {
    const records = await auditRecords();
    expect(records.length).toBeGreaterThan(0);
    expect(
      records.filter((record) => JSON.stringify(record).includes(FORGED)).map((record) => record.operation),
    ).toEqual([]);
  });
});
