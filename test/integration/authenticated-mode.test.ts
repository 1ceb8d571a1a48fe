import { startBot, type RunningBot } from '../../src/index';
import { createLogger } from '../../src/log/logger';
import { teamsMessage } from '../helpers/activities';
import { CaptureServer } from '../helpers/capture-server';
import { testConfig } from '../helpers/config';
import { postJson } from '../helpers/http';

describe('the bot with BOT_ID set', () => {
  const connector = new CaptureServer();
  let bot: RunningBot;

  beforeAll(async () => {
    await connector.start();
    const config = testConfig({ BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'not-a-real-secret' });
    bot = await startBot(config, createLogger('silent'));
  });

  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('rejects a request without a Bot Framework token with 401 and does not reply', async () => {
    const response = await postJson(`${bot.server.url}/api/messages`, teamsMessage('help', connector.url));
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connector.calls).toHaveLength(0);
  });

  it('rejects a request with a made-up bearer token with 401', async () => {
    const response = await postJson(`${bot.server.url}/api/messages`, teamsMessage('help', connector.url), {
      authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiIxMTExIn0.',
    });
    expect(response.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });
});
