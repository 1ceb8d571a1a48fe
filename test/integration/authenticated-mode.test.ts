import { Writable } from 'node:stream';
import type { Activity } from 'botbuilder';
import { startBot, type RunningBot } from '../../src/index';
import { createLogger } from '../../src/log/logger';
import { teamsMessage } from '../helpers/activities';
import { CaptureServer } from '../helpers/capture-server';
import { testConfig } from '../helpers/config';
import { postJson } from '../helpers/http';
import { connectorClaims, TokenIssuer } from '../helpers/token-issuer';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const OTHER_APP_ID = '99999999-8888-7777-6666-555555555555';
const REQUEST_GONE = 'That request no longer exists.';

describe('the bot with BOT_ID set', () => {
  const connector = new CaptureServer();
  // Publishes its keys over HTTP as login.botframework.com does; the bot fetches them like the real ones.
  const issuer = new TokenIssuer(['msteams']);
  let bot: RunningBot;
  const logLines: string[] = [];
  const logSink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });

  beforeAll(async () => {
    await connector.start();
    await issuer.start();
    const config = testConfig({ BOT_ID, BOT_PASSWORD: 'not-a-real-secret' });
    const tokenKeys = { channelOpenIdMetadataUrl: issuer.metadataUrl, emulatorOpenIdMetadataUrl: issuer.metadataUrl };
    bot = await startBot({ ...config, bot: { ...config.bot, tokenKeys } }, createLogger('warn', logSink));
  });

  afterAll(async () => {
    await bot.stop();
    await issuer.stop();
    await connector.stop();
  });

  // A card asking to be refreshed for an unknown request: the bot answers in the HTTP response without calling
  // Graph or the connector, so a 200 with this text proves the turn ran.
  function refreshInvoke(overrides: Partial<Activity> = {}): Partial<Activity> {
    return teamsMessage('', connector.url, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: {
        action: { type: 'Action.Execute', verb: 'change.refresh', data: { requestId: 'no-such-request' } },
        trigger: 'automatic',
      },
      ...overrides,
    });
  }

  async function send(
    token: string | undefined,
    activity: Partial<Activity> = refreshInvoke(),
  ): Promise<{ status: number; text: string }> {
    return postJson(
      `${bot.server.url}/api/messages`,
      activity,
      token === undefined ? {} : { authorization: `Bearer ${token}` },
    );
  }

  it('runs the turn for a token the Bot Connector signed for this bot', async () => {
    const response = await send(issuer.sign(connectorClaims(BOT_ID, connector.url)));
    expect(response.status).toBe(200);
    expect(response.text).toContain(REQUEST_GONE);
    expect(issuer.keyFetches).toBeGreaterThanOrEqual(1);
  });

  it('rejects a request without a Bot Framework token with 401 and does not reply', async () => {
    const response = await send(undefined, teamsMessage('help', connector.url));
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connector.calls).toHaveLength(0);
  });

  const rejected: Array<{ name: string; token: () => string; activity?: () => Partial<Activity> }> = [
    { name: 'a made-up token', token: () => 'eyJhbGciOiJub25lIn0.eyJhdWQiOiIxMTExIn0.' },
    {
      name: 'an unsigned token naming the published key',
      token: () => issuer.sign(connectorClaims(BOT_ID, connector.url), { algorithm: 'none' }),
    },
    {
      name: 'a token signed by a key the Bot Connector never published',
      token: () => issuer.sign(connectorClaims(BOT_ID, connector.url), { key: 'unpublished' }),
    },
    {
      name: 'a token that expired ten minutes ago',
      token: () => issuer.sign(connectorClaims(BOT_ID, connector.url, { exp: Math.floor(Date.now() / 1000) - 600 })),
    },
    {
      name: 'a token not valid until tomorrow',
      token: () => issuer.sign(connectorClaims(BOT_ID, connector.url, { nbf: Math.floor(Date.now() / 1000) + 86_400 })),
    },
    {
      name: 'a genuine token for another app id',
      token: () => issuer.sign(connectorClaims(OTHER_APP_ID, connector.url)),
    },
    {
      name: 'a token from another issuer',
      token: () => issuer.sign(connectorClaims(BOT_ID, connector.url, { iss: 'https://login.example.com' })),
    },
    {
      name: 'a token for another service URL (replies would go elsewhere)',
      token: () => issuer.sign(connectorClaims(BOT_ID, 'https://smba.example.com/')),
    },
    {
      name: 'a genuine token whose claims were edited',
      token: () => {
        const [header, , signature] = issuer.sign(connectorClaims(OTHER_APP_ID, connector.url)).split('.');
        return `${header}.${Buffer.from(JSON.stringify(connectorClaims(BOT_ID, connector.url))).toString('base64url')}.${signature}`;
      },
    },
    {
      name: 'a token whose key is not endorsed for the channel in the activity',
      token: () => issuer.sign(connectorClaims(BOT_ID, connector.url)),
      activity: () => refreshInvoke({ channelId: 'webchat' }),
    },
  ];

  it.each(rejected)(
    'rejects $name with 401 without running the turn, and logs the refusal',
    async ({ token, activity }) => {
      const logged = logLines.length;
      const response = await send(token(), activity?.());
      expect(response.status).toBe(401);
      expect(response.text).not.toContain(REQUEST_GONE);
      expect(connector.calls).toHaveLength(0);
      const refusals = logLines.slice(logged).map((line) => JSON.parse(line) as { msg: string; level: string });
      expect(refusals).toEqual([
        expect.objectContaining({ level: 'warn', msg: 'request refused: no valid Bot Framework token' }),
      ]);
    },
  );
});

describe('the bot with BOT_ID set when the signing keys cannot be fetched', () => {
  const connector = new CaptureServer();
  const issuer = new TokenIssuer(['msteams']);
  const logLines: string[] = [];
  let bot: RunningBot;

  beforeAll(async () => {
    await connector.start();
    await issuer.start();
    const config = testConfig({ BOT_ID, BOT_PASSWORD: 'not-a-real-secret' });
    // A metadata address that answers 404, as a key service outage would.
    const missing = `${issuer.url}/v1/no-such-configuration`;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    bot = await startBot(
      {
        ...config,
        bot: { ...config.bot, tokenKeys: { channelOpenIdMetadataUrl: missing, emulatorOpenIdMetadataUrl: missing } },
      },
      createLogger('warn', sink),
    );
  });

  afterAll(async () => {
    await bot.stop();
    await issuer.stop();
    await connector.stop();
  });

  it("answers 500 (its own fault, not the caller's) and logs an error, not a refused token", async () => {
    const token = issuer.sign(connectorClaims(BOT_ID, connector.url));
    const response = await postJson(`${bot.server.url}/api/messages`, teamsMessage('help', connector.url), {
      authorization: `Bearer ${token}`,
    });
    expect(response.status).toBe(500);
    const logged = logLines.map((line) => JSON.parse(line) as { msg: string; level: string });
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'could not check a Bot Framework token: signing keys unavailable',
      }),
    );
    expect(logged.map((entry) => entry.msg)).not.toContain('request refused: no valid Bot Framework token');
  });
});
