// Tenant posture over HTTP, against the demo tenant: what Conditional Access asks of the groups that sign in by SMS
// or badge (in the tenant check), the admins who can sign in with a single check (with the fix, approved by a second
// person), and the readiness card for 2027-02-01, its per-store counts taken here from the tenant's own answers.
import type { CapturedCall } from '../helpers/capture-server';
import { askedFor } from '../helpers/asked-card';
import { BotHarness, HANA, PRIYA, chatUser, findButton, textOf, useBot, waitUntil } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';

const TOMASZ = chatUser('tomasz.nowak', 'Tomasz Nowak');
const harness = useBot(new BotHarness(), [TOMASZ, HANA, PRIYA]);

/** Every button with this verb, with its data, in the order the cards show them. */
function buttons(calls: readonly CapturedCall[], verb: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const pattern = new RegExp(
    `"type":"Action\\.Execute","title":"[^"]*","verb":"${verb.replace('.', '\\.')}","data":(\\{[^}]*\\})`,
    'g',
  );
  for (const call of calls)
    for (const attachment of call.activity.attachments ?? [])
      for (const match of JSON.stringify(attachment.content).matchAll(pattern))
        found.push(JSON.parse(match[1]!) as Record<string, unknown>);
  return found;
}

async function graph<T>(path: string): Promise<{ status: number; body: T }> {
  return harness.simulator.graph<T>('GET', path);
}

describe('Conditional Access in the tenant check', () => {
  it("names the demo tenant's uncovered group, its report-only policy and the policy that covers the frontline workers", async () => {
    const text = textOf(await harness.say(TOMASZ, 'is SMS sign-in set up?'));
    expect(text).toContain(
      "Workers in 'Redmond badge pilot' can sign in with a QR badge to every app, including admin portals.",
    );
    expect(text).toMatch(
      /\[Frontline: compliant shared devices\]\(https:\/\/entra\.microsoft\.com\/[^)]+\) is report-only, so it does not count/,
    );
    expect(text).toMatch(
      /Kept to named apps: \[Frontline: Teams and Shifts only\]\([^)]+\) lets them open only Microsoft Teams Services\./,
    );
    expect(text).toContain("'Frontline workers', who sign in by text message or with a QR badge");
  });

  it('gives helpdesk one line, not the details', async () => {
    const text = textOf(await harness.say(HANA, 'is SMS sign-in set up?'));
    expect(text).toMatch(/Conditional Access: 1 group \('Redmond badge pilot'\) can sign in to every app/);
    expect(text).not.toContain('report-only');
  });

  it('tells a missing permission in plain words and still shows the SMS policy', async () => {
    await harness.simulator.control('POST', 'faults', {
      path: 'identity/conditionalAccess/policies',
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
      count: 5,
    });
    const text = textOf(await harness.say(TOMASZ, 'is SMS sign-in set up?'));
    expect(text).toContain('phonedesk cannot read Conditional Access: grant it Policy.Read.All (docs/permissions.md).');
    expect(text).toContain("SMS sign-in is on for 'Frontline workers'.");
    await harness.simulator.control('DELETE', 'faults');
  });
});

describe('admins with weak sign-in', () => {
  it('is for tenant admins only', async () => {
    expect(textOf(await harness.say(PRIYA, 'which admins can sign in by text message?'))).toContain(
      'Only tenant admins can see which admins sign in with a single check.',
    );
  });

  it("lists the demo tenant's admin with SMS sign-in and the eligible one with a badge, and turns Rachel's SMS sign-in off after approval", async () => {
    const replies = await harness.say(TOMASZ, 'which admins can sign in by text message?');
    const text = textOf(replies);
    expect(text).toContain('Rachel Green (rachel.green@contosoretail.onmicrosoft.com)');
    expect(text).toContain('Helpdesk Administrator; can sign in by text message (SIM swap).');
    expect(text).toContain(
      'Password Administrator (eligible, not active); can sign in by text message (SIM swap), and has a working QR badge',
    );
    const fixes = buttons(replies, 'weakAdmin.fix');
    expect(fixes).toEqual(
      expect.arrayContaining([
        { userId: demoUser('rachel.green'), fix: 'sms' },
        { userId: demoUser('kyle.adams'), fix: 'sms' },
        { userId: demoUser('kyle.adams'), fix: 'badge' },
      ]),
    );
    const before = harness.connector.calls.length;
    await harness.click(TOMASZ, 'weakAdmin.fix', { userId: demoUser('rachel.green'), fix: 'sms' });
    expect(textOf(harness.postsTo(TOMASZ, before))).toMatch(
      askedFor('Turn off sign-in by text message for Rachel Green'),
    );
    const approve = findButton(harness.postsTo(HANA, before), 'change.approve');
    expect(approve).toBeDefined();
    await harness.click(HANA, 'change.approve', approve!);
    await waitUntil('Rachel to be off SMS sign-in', async () => {
      const phones = await graph<{ value: Array<{ phoneType: string; smsSignInState: string }> }>(
        `/users/${demoUser('rachel.green')}/authentication/phoneMethods`,
      );
      return phones.body.value.find((phone) => phone.phoneType === 'mobile')?.smsSignInState !== 'ready' || undefined;
    });
    const after = textOf(await harness.say(TOMASZ, 'which admins can sign in by text message?'));
    expect(after).not.toContain('Rachel Green');
  });

  it('refuses a fix that no longer applies, from a card kept in the chat', async () => {
    await harness.simulator.reset();
    const reply = await harness.click(TOMASZ, 'weakAdmin.fix', { userId: demoUser('chloe.evans'), fix: 'sms' });
    expect(JSON.stringify(reply.body)).toMatch(/That is no longer so/);
  });
});

interface Member {
  id: string;
}

/** Per store, from Graph's own answers: workers, on SMS sign-in, with a badge they have used. */
async function storesInTenant(): Promise<Array<{ store: string; workers: number; onSms: number; usedBadge: number }>> {
  const units = await graph<{ value: Array<{ id: string; displayName: string }> }>('/directory/administrativeUnits');
  const result = [];
  for (const unit of units.body.value) {
    const members = await graph<{ value: Member[] }>(`/directory/administrativeUnits/${unit.id}/members?$top=999`);
    let onSms = 0;
    let usedBadge = 0;
    for (const member of members.body.value) {
      const phones = await graph<{ value: Array<{ phoneType: string; smsSignInState: string }> }>(
        `/users/${member.id}/authentication/phoneMethods`,
      );
      if (phones.body.value.some((phone) => phone.phoneType === 'mobile' && phone.smsSignInState === 'ready')) onSms++;
      const badge = await graph<{ standardQRCode: { expireDateTime: string; lastUsedDateTime: string | null } | null }>(
        `/users/${member.id}/authentication/qrCodePinMethod`,
      );
      const code = badge.status === 200 ? badge.body.standardQRCode : null;
      // Graph's "never used" is 0001-01-01.
      const used = code?.lastUsedDateTime && Date.parse(code.lastUsedDateTime) > Date.parse('1900-01-01T00:00:00Z');
      if (code && Date.parse(code.expireDateTime) > Date.now() && used) usedBadge++;
    }
    result.push({ store: unit.displayName, workers: members.body.value.length, onSms, usedBadge });
  }
  return result;
}

describe('readiness for 1 February 2027', () => {
  it('counts, per store, who still signs in by SMS and who holds a used badge, as the tenant holds them', async () => {
    await harness.simulator.reset();
    const text = textOf(await harness.say(TOMASZ, 'are we ready for February?'));
    expect(text).toContain('Ready for 1 February 2027?');
    expect(text).toMatch(/\d+ days left: Microsoft stops sending SMS codes itself on 1 February 2027/);
    const stores = await storesInTenant();
    expect(stores.some((store) => store.onSms > 0 && store.usedBadge > 0)).toBe(true);
    for (const store of stores)
      expect(text).toContain(
        `"title":"${store.store}","value":"${store.onSms} of ${store.workers} on SMS, ${store.usedBadge} with a used badge;`,
      );
    expect(text).toContain('No customer-managed telecom provider is configured.');
    expect(text).toContain('Registration campaign: Microsoft-managed.');
    expect(text).toContain('Policy migration: complete.');
  });

  it("is reached from the tenant check's button, and refused to store managers", async () => {
    const check = await harness.say(TOMASZ, 'is SMS sign-in set up?');
    expect(buttons(check, 'posture.show')).toEqual([{ view: 'weak-admins' }, { view: 'readiness' }]);
    const before = harness.connector.calls.length;
    await harness.click(TOMASZ, 'posture.show', { view: 'readiness' });
    expect(textOf(harness.postsTo(TOMASZ, before))).toContain('Ready for 1 February 2027?');
    expect(textOf(await harness.say(PRIYA, 'are we ready for February?'))).toMatch(
      /Only tenant admins can see the readiness/,
    );
  });
});
