// SMS sign-in off beyond one worker, for tenant admins: the impact first (who signs in by SMS, who would be locked
// out, per store, counted here from the tenant's own answers), then their choice of how, approved by a second tenant
// admin. Numbers stay.
import { askedFor } from '../helpers/asked-card';
import { BotHarness, HANA, PRIYA, chatUser, findButton, textOf, useBot, waitUntil } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';
import { DEMO_GROUPS } from '../../src/simulator/demo-tenant';

const TOMASZ = chatUser('tomasz.nowak', 'Tomasz Nowak');
// Helpdesk are tenant admins too here, so that a second tenant admin can approve what Tomasz asks.
const harness = useBot(
  new BotHarness({ env: { TENANT_ADMIN_GROUP_IDS: `${DEMO_GROUPS.tenantAdmins},${DEMO_GROUPS.approvers}` } }),
  [TOMASZ, HANA, PRIYA],
);

interface Policy {
  state: string;
  includeTargets: Array<{ id: string; targetType: string; isUsableForSignIn: boolean }>;
}

async function policy(): Promise<Policy> {
  return (
    await harness.simulator.graph<Policy>(
      'GET',
      '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms',
    )
  ).body;
}

/** Who in the targets signs in by SMS now, and who of them has no working badge: from Graph's own answers. */
async function impactInTenant(targetIds: string[]): Promise<{ sms: number; locked: number }> {
  const users = new Set<string>();
  for (const id of targetIds) {
    const members = await harness.simulator.graph<{ value: Array<{ id: string }> }>(
      'GET',
      `/groups/${id}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`,
    );
    for (const member of members.body.value) users.add(member.id);
  }
  let sms = 0;
  let locked = 0;
  for (const user of users) {
    const phones = await harness.simulator.graph<{ value: Array<{ phoneType: string; smsSignInState: string }> }>(
      'GET',
      `/users/${user}/authentication/phoneMethods`,
    );
    if (!phones.body.value.some((phone) => phone.phoneType === 'mobile' && phone.smsSignInState === 'ready')) continue;
    sms++;
    const badge = await harness.simulator.graph<{ standardQRCode: { expireDateTime: string } | null }>(
      'GET',
      `/users/${user}/authentication/qrCodePinMethod`,
    );
    const expiry = badge.status === 200 ? badge.body.standardQRCode?.expireDateTime : undefined;
    if (!expiry || Date.parse(expiry) <= Date.now()) locked++;
  }
  return { sms, locked };
}

it('is for tenant admins only', async () => {
  expect(textOf(await harness.say(PRIYA, 'turn off SMS sign-in for everyone'))).toMatch(
    /Only tenant admins can turn SMS sign-in off/,
  );
});

it('shows who would be locked out, then unticks "Use for sign-in" for one group after a second admin approves', async () => {
  const replies = await harness.say(TOMASZ, 'switch off SMS sign-in for the Frontline workers group');
  const text = textOf(replies);
  expect(text).toMatch(/Turning off SMS sign-in for the group \\"Frontline workers\\"/);
  const expected = await impactInTenant([DEMO_GROUPS.frontlineWorkers]);
  expect(expected.sms).toBeGreaterThan(0);
  expect(text).toContain(
    `${expected.sms} workers sign in by text message now; ${expected.locked} of them have no working QR badge and would be locked out.`,
  );
  expect(text).toMatch(/Manchester Piccadilly[^}]*by SMS, \d+ would be locked out/);
  const untick = findButton(replies, 'smsoff.ask');
  expect(untick).toEqual({ mode: 'untick', targetId: DEMO_GROUPS.frontlineWorkers });
  const before = harness.connector.calls.length;
  await harness.click(TOMASZ, 'smsoff.ask', untick!);
  expect(textOf(harness.postsTo(TOMASZ, before))).toMatch(
    askedFor(
      'Untick \\\\"Use for sign-in\\\\" for the group \\\\"Frontline workers\\\\" in the SMS policy \\(whole organisation\\)',
    ),
  );
  // Not by the one who asked: a second tenant admin decides.
  const approve = findButton(harness.postsTo(HANA, before), 'change.approve');
  expect(approve).toBeDefined();
  await harness.click(HANA, 'change.approve', approve!);
  await waitUntil('the target to be unticked', async () => {
    const target = (await policy()).includeTargets.find((candidate) => candidate.id === DEMO_GROUPS.frontlineWorkers);
    return target?.isUsableForSignIn === false || undefined;
  });
  // Numbers stay: Chloe's mobile is still hers, now not usable for sign-in.
  const phones = await harness.simulator.graph<{ value: Array<{ phoneType: string; smsSignInState: string }> }>(
    'GET',
    `/users/${demoUser('chloe.evans')}/authentication/phoneMethods`,
  );
  expect(phones.body.value.find((phone) => phone.phoneType === 'mobile')?.smsSignInState).toBe('notAllowedByPolicy');
});

it('turns the whole SMS policy off when that is the choice, after a second admin approves', async () => {
  await harness.simulator.reset();
  const replies = await harness.say(TOMASZ, 'turn off SMS sign-in for everyone');
  const usable = (await policy()).includeTargets
    .filter((target) => target.isUsableForSignIn)
    .map((target) => target.id);
  const expected = await impactInTenant(usable);
  expect(textOf(replies)).toContain(`${expected.sms} workers sign in by text message now`);
  const off = findButton(replies, 'smsoff.ask');
  expect(off).toBeDefined();
  const before = harness.connector.calls.length;
  await harness.click(TOMASZ, 'smsoff.ask', { mode: 'policy' });
  expect(textOf(harness.postsTo(TOMASZ, before))).toMatch(
    askedFor('Turn off the SMS policy for the whole organisation'),
  );
  const approve = findButton(harness.postsTo(HANA, before), 'change.approve');
  await harness.click(HANA, 'change.approve', approve!);
  await waitUntil('the policy to be off', async () => (await policy()).state === 'disabled' || undefined);
  const phones = await harness.simulator.graph<{ value: unknown[] }>(
    'GET',
    `/users/${demoUser('daniel.wright')}/authentication/phoneMethods`,
  );
  expect(phones.body.value.length).toBeGreaterThan(0);
});
