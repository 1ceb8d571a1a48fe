// The whole bot with STORAGE=azure on Azurite: a change asked for, approved after a restart (conversation references,
// cards and dialog state read back from the account), made once in the simulated tenant, and its audit chain
// verified by `phonedesk audit verify` against the same account.
import { randomUUID } from 'node:crypto';
import { BotHarness, HANA, PRIYA, VICTOR, findButton, textOf, useBot, waitUntil } from '../helpers/bot-harness';
import { useAzurite } from '../helpers/azurite';
import { runNode } from '../helpers/processes';
import { demoUser } from '../helpers/simulator';

const azurite = useAzurite();
const storage: Record<string, string> = {};
beforeAll(() => {
  Object.assign(storage, {
    STORAGE: 'azure',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_PREFIX: `e${randomUUID().replace(/-/g, '').slice(0, 12)}`,
  });
});
const harness = useBot(new BotHarness({ env: storage }), [PRIYA, HANA, VICTOR]);

async function janesMobile(): Promise<string | undefined> {
  const phones = await harness.simulator.graph<{ value: Array<{ phoneType: string; phoneNumber: string }> }>(
    'GET',
    `/users/${demoUser('jane.doe')}/authentication/phoneMethods`,
  );
  return phones.body.value.find((phone) => phone.phoneType === 'mobile')?.phoneNumber;
}

it('runs a change from request to Graph on Azure Storage, across a restart, and audits it in the account', async () => {
  expect(harness.bot.services.sqlite).toBeUndefined();
  const before = harness.connector.calls.length;
  const asked = await harness.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter');
  const requestId = findButton(asked, 'change.cancel')!.requestId as string;
  const approve = findButton(harness.postsTo(HANA, before), 'change.approve');
  expect(approve).toEqual({ requestId });

  // A deployment between the request and its approval: nothing the approval needs was in the first process.
  await harness.restartBot();
  const told = harness.connector.calls.length;
  expect((await harness.click(HANA, 'change.approve', approve!)).status).toBe(200);
  await waitUntil('Jane to have the number', async () => (await janesMobile()) === '+44 7700900123' || undefined);
  await waitUntil(
    'Priya to be told',
    () =>
      /Request \d+ \(Add .* as Jane Doe's mobile number for sign-in\): Jane Doe can now sign in/.test(
        textOf(harness.postsTo(PRIYA, told)),
      ) || undefined,
  );
  const request = await harness.bot.services.stores.changes.get(requestId);
  expect(request?.status).toBe('succeeded');

  // Victor's click on the same card is the second click: told who decided, nothing run again.
  const second = await harness.click(VICTOR, 'change.approve', approve!);
  expect(JSON.stringify(second.body.value)).toContain(`Request ${request!.number} was already approved by Hana Kim`);

  // The chain's head is anchored out of the table's reach (on the restart's way out, and now), and not again while
  // it stays where it is.
  expect(await harness.bot.services.anchorAudit()).toBe(true);
  expect(await harness.bot.services.anchorAudit()).toBe(false);
  const verified = await runNode('dist/src/cli/main.js', ['audit', 'verify'], storage);
  expect(verified.stdout).toMatch(/^audit log OK: \d+ records, chain intact, 2 anchors matched\n$/);
  expect(verified.code).toBe(0);
});
