// The whole product as a new user sees it: `npm start`'s launcher, two Agents Playgrounds in headless chromium,
// a store manager asking for a fix and a helpdesk approver approving it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startLauncher, type RunningLauncher } from '../helpers/launcher';
import { ROOT } from '../helpers/processes';
import { tempDir } from '../helpers/temp-dir';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS = path.join(ROOT, 'test-results');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// The bot's reply can take a few seconds on a busy CI machine (the whole suite runs in parallel).
const REPLY_MS = 20_000;

/** The playground's chat input is a Lexical editor. */
async function say(page: Page, text: string): Promise<void> {
  await page.locator('[data-lexical-editor="true"][role="textbox"]').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Opens a playground and waits for phonedesk's welcome card: the bot has then stored how to reach this person. */
async function openPlayground(context: BrowserContext, url: string, who: string, welcome: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-lexical-editor="true"][role="textbox"]').waitFor({ timeout: REPLY_MS });
  await page.getByText(welcome).first().waitFor({ timeout: REPLY_MS });
  // The playground's own header names the signed-in user, read from the launcher's generated config.
  await page.getByText(who, { exact: true }).first().waitFor({ timeout: REPLY_MS });
  return page;
}

describe('npm start in a browser (Agents Playground, headless chromium)', () => {
  jest.setTimeout(90_000);

  let launcher: RunningLauncher | undefined;
  let context: BrowserContext | undefined;
  let profile: { dir: string; cleanup: () => void } | undefined;
  let manager: Page;
  let approver: Page;

  /** Runs a step; whatever happens, both pages are saved to test-results/ to show what the user saw. */
  async function step(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } finally {
      await manager
        .screenshot({ path: path.join(RESULTS, `playground-${name}-manager.png`), fullPage: true })
        .catch(() => undefined);
      await approver
        .screenshot({ path: path.join(RESULTS, `playground-${name}-approver.png`), fullPage: true })
        .catch(() => undefined);
    }
  }

  /** Clicks a one-time link; the browser's request is stopped (the link opens once) and its URL returned. */
  async function urlOpenedBy(link: Locator, pattern: RegExp): Promise<string> {
    let url = '';
    await context!.route(pattern, async (route) => {
      url = route.request().url();
      await route.abort();
    });
    await link.click();
    for (let waited = 0; url === '' && waited < REPLY_MS; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    return url;
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: the browser test drives Debian's chromium. Install it with "apt-get install -y chromium" (.ci/run does).`,
      );
    }
    mkdirSync(RESULTS, { recursive: true });
    launcher = await startLauncher();
    profile = tempDir('phonedesk-chromium-');
    // A persistent context is how playwright takes a fresh --user-data-dir.
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
    });
    // The approver first: phonedesk can only send approval cards to people whose chat it has seen open.
    // Each is welcomed with the help for what they do: approvers decide, managers ask.
    approver = await openPlayground(context, launcher.banner.approverUrl, 'Hana Kim', 'phonedesk for approvers');
    manager = await openPlayground(
      context,
      launcher.banner.managerUrl,
      'Priya Shah',
      'sign-in by phone for your workers',
    );
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    profile?.cleanup();
    if (launcher) expect(await launcher.stop()).toBe(0);
  });

  it('fixes a FIG6 worker: the manager asks, the approver approves in the other playground, the manager is told', async () => {
    await step('fig6-asked', async () => {
      await say(manager, "why can't Bob sign in?");
      await manager.getByText('is attached but not turned on for sign-in').first().waitFor({ timeout: REPLY_MS });
      await manager.getByRole('button', { name: 'Turn on SMS sign-in' }).click();
      // One message: the request's card, with what was asked and that the manager will be told.
      await manager
        .getByText('Turn on sign-in by text message for Bob Smith', { exact: true })
        .first()
        .waitFor({ timeout: REPLY_MS });
      await manager
        .getByText("I've asked for approval. I'll tell you here when it's done.")
        .first()
        .waitFor({ timeout: REPLY_MS });
    });
    await step('fig6-approved', async () => {
      // Sent proactively to the approver's playground (its serviceUrl is http://localhost:PORT/_connector).
      await approver
        .getByText(/Priya Shah asks you to approve request \d+: Turn on sign-in by text message for Bob Smith/)
        .first()
        .waitFor({ timeout: REPLY_MS });
      await approver.getByRole('button', { name: 'Approve', exact: true }).click();
      await approver.getByText('Approved by').first().waitFor({ timeout: REPLY_MS });
      await manager
        .getByText(/Bob Smith can now sign in with \+44 •••• ••0234\./)
        .first()
        .waitFor({ timeout: REPLY_MS });
      // The manager's request card itself is updated in place: status Done, no Cancel button any more.
      await manager.getByText('Done', { exact: true }).first().waitFor({ timeout: REPLY_MS });
      await manager.getByRole('button', { name: 'Cancel request' }).waitFor({ state: 'detached', timeout: REPLY_MS });
    });
  });

  it('explains a number that already signs in another account', async () => {
    await step('number-in-use', async () => {
      await say(manager, "why can't Ali sign in?");
      await manager.getByText('is already used to sign in by another account').first().waitFor({ timeout: REPLY_MS });
      await manager.getByRole('button', { name: 'Replace the number' }).waitFor({ timeout: REPLY_MS });
    });
  });

  it('secures a lost phone, and then offers a new number, never turning the lost one back on', async () => {
    await step('lost-phone-asked', async () => {
      await say(manager, 'Chloe Evans lost her phone');
      await manager
        .getByText(/the number stays on Chloe Evans's account but can't be used to sign in/)
        .first()
        .waitFor({ timeout: REPLY_MS });
    });
    await step('lost-phone-approved', async () => {
      await approver
        .getByText(/Priya Shah asks you to approve request \d+: Lost phone/)
        .first()
        .waitFor({ timeout: REPLY_MS });
      await approver.getByRole('button', { name: 'Approve', exact: true }).last().click();
      await manager
        .getByText(/Chloe Evans can no longer sign in by text message and was signed out everywhere/)
        .first()
        .waitFor({ timeout: REPLY_MS });
    });
    await step('lost-phone-diagnosed', async () => {
      const turnOnBefore = await manager.getByRole('button', { name: 'Turn on SMS sign-in' }).count();
      await say(manager, "why can't Chloe Evans sign in?");
      await manager
        .getByText(/reported the phone lost/)
        .first()
        .waitFor({ timeout: REPLY_MS });
      await manager.getByRole('button', { name: 'Add their new number' }).waitFor({ timeout: REPLY_MS });
      await manager.getByRole('button', { name: 'Remove the lost number' }).waitFor({ timeout: REPLY_MS });
      // Bob's earlier diagnosis still shows its button; Chloe's adds none.
      expect(await manager.getByRole('button', { name: 'Turn on SMS sign-in' }).count()).toBe(turnOnBefore);
    });
  });

  it("tells the manager who rejected a request and why, and shows every time in the reader's own zone", async () => {
    await step('reject-asked', async () => {
      await say(manager, 'add +44 7700 900199 for Jane Doe because new starter');
      await manager
        .getByText(/Add \+44 •••• ••0199 as Jane Doe's mobile number for sign-in/)
        .first()
        .waitFor({ timeout: REPLY_MS });
    });
    await step('reject-decided', async () => {
      await approver
        .getByText(/Priya Shah asks you to approve request \d+: Add \+44 •••• ••0199/)
        .first()
        .waitFor({ timeout: REPLY_MS });
      await approver
        .getByLabel(/Why, if you reject/)
        .last()
        .fill('wrong number, please check with Jane');
      await approver.getByRole('button', { name: 'Reject', exact: true }).last().click();
      await manager
        .getByText(/Hana Kim rejected request \d+ .*Their reason: "wrong number, please check with Jane"/)
        .first()
        .waitFor({ timeout: REPLY_MS });
    });
    for (const page of [manager, approver]) {
      expect(await page.getByText(/UTC/).count()).toBe(0);
      // The client renders the card's DATE/TIME functions; none is left as written.
      expect(await page.getByText(/\{\{(DATE|TIME)\(/).count()).toBe(0);
    }
  });

  it('hands a new badge to the manager alone: the QR code, expiry and PIN on one card, cleared once handed over', async () => {
    await step('badge-asked', async () => {
      await say(manager, 'give Daniel Wright a QR badge because he moves to badges');
      await manager
        .getByText(/Give Daniel Wright a QR badge and a temporary PIN/)
        .first()
        .waitFor({ timeout: REPLY_MS });
    });
    await step('badge-delivered', async () => {
      await approver
        .getByText(/Priya Shah asks you to approve request \d+: Give Daniel Wright a QR badge/)
        .first()
        .waitFor({ timeout: REPLY_MS });
      await approver.getByRole('button', { name: 'Approve', exact: true }).last().click();
      const qr = manager.getByRole('img', { name: 'QR code for Daniel Wright' });
      await qr.waitFor({ timeout: REPLY_MS });
      // The PNG is drawn: a real picture, not a broken image.
      expect(await qr.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(
        100,
      );
      await manager.getByText(/^Temporary PIN: \d{8}$/).waitFor({ timeout: REPLY_MS });
      // An Action.OpenUrl, as the sheet's links are: the browser's request is stopped here and fetched by the test.
      const print = manager.getByText('Print badge', { exact: true });
      await print.waitFor({ timeout: REPLY_MS });
      const printUrl = await urlOpenedBy(print, /\/badges\//);
      const printed = await fetch(printUrl);
      expect(printed.headers.get('content-type')).toBe('application/pdf');
      expect((await fetch(printUrl)).status).toBe(404);
      // The approver never sees the badge.
      expect(await approver.getByRole('img', { name: 'QR code for Daniel Wright' }).count()).toBe(0);
      await qr.scrollIntoViewIfNeeded();
      await manager.screenshot({ path: path.join(RESULTS, 'playground-badge-delivery-card.png') });
    });
    await step('badge-handed-over', async () => {
      await manager.getByRole('button', { name: 'Mark handed over' }).click();
      await manager.getByText("Daniel Wright's badge: handed over").waitFor({ timeout: REPLY_MS });
      await manager
        .getByRole('img', { name: 'QR code for Daniel Wright' })
        .waitFor({ state: 'detached', timeout: REPLY_MS });
      expect(await manager.getByText(/^Temporary PIN:/).count()).toBe(0);
    });
  });

  it('moves the Manchester store to badges: the plan, one approval, the progress card and the badge sheet', async () => {
    await step('move-plan', async () => {
      await say(manager, 'move my store to QR codes');
      await manager.getByText('Move Manchester Piccadilly to QR badges').first().waitFor({ timeout: REPLY_MS });
      await manager.getByText('Badges to make').first().scrollIntoViewIfNeeded();
      await manager.screenshot({ path: path.join(RESULTS, 'playground-move-plan.png') });
    });
    let sheetUrl = '';
    await step('move-progress', async () => {
      await manager.getByRole('button', { name: 'Ask for approval' }).click();
      await approver
        .getByText(/Priya Shah asks you to approve request \d+: Move Manchester Piccadilly to QR badges/)
        .first()
        .waitFor({ timeout: REPLY_MS });
      await approver.getByRole('button', { name: 'Approve', exact: true }).last().click();
      await manager
        .getByText(/^Done: \d+ badges made/)
        .first()
        .waitFor({ timeout: REPLY_MS });
      const sheet = manager.getByText('Badge sheet (A4)', { exact: true });
      await sheet.scrollIntoViewIfNeeded();
      await manager.screenshot({ path: path.join(RESULTS, 'playground-move-progress.png') });
      // The link opens once: the browser's request is stopped here and the test downloads the sheet itself.
      sheetUrl = await urlOpenedBy(sheet, /\/sheets\//);
    });
    await step('move-sheet', async () => {
      expect(sheetUrl).toMatch(/\/sheets\/[\w-]+\.[\w-]+$/);
      const response = await fetch(sheetUrl);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const file = path.join(RESULTS, 'playground-move-sheet.pdf');
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      // The first page as a printer would show it, rendered by poppler.
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        file,
        path.join(RESULTS, 'playground-move-sheet-page1'),
      ]);
      expect(existsSync(path.join(RESULTS, 'playground-move-sheet-page1.png'))).toBe(true);
      expect((await fetch(sheetUrl)).status).toBe(404);
    });
  });
});
