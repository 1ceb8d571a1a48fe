import { startBot, type RunningBot } from '../../src/index';
import { createLogger } from '../../src/log/logger';
import { teamsMessage } from '../helpers/activities';
import { CaptureServer } from '../helpers/capture-server';
import { testConfig } from '../helpers/config';
import { postJson } from '../helpers/http';

describe('the bot over real HTTP (local anonymous mode)', () => {
  const connector = new CaptureServer();
  let bot: RunningBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startBot(testConfig(), createLogger('silent'));
  });

  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('answers "help" with an Adaptive Card posted back to the conversation', async () => {
    const activity = teamsMessage('help', connector.url);
    const response = await postJson(`${bot.server.url}/api/messages`, activity);
    expect(response.status).toBe(200);

    // A typing indicator may come first while phonedesk checks who is asking; the reply is the message.
    let reply = (await connector.waitForCalls(1))[0];
    for (let count = 2; reply.activity.type !== 'message'; count++)
      reply = (await connector.waitForCalls(count))[count - 1];
    expect(reply.method).toBe('POST');
    expect(reply.path).toBe(`/v3/conversations/${encodeURIComponent('a:personal-chat-1')}/activities/${activity.id}`);
    expect(reply.activity.type).toBe('message');
    const attachment = reply.activity.attachments?.[0];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = attachment?.content as {
      version: string;
      body: Array<{ type: string; text?: string; facts?: Array<{ title: string }> }>;
    };
    expect(card.version).toBe('1.5');
    const facts = card.body.find((element) => element.type === 'FactSet')?.facts?.map((fact) => fact.title) ?? [];
    expect(facts).toEqual(
      expect.arrayContaining([
        'Status',
        'Add or change a number',
        'Remove a number',
        'Who has a number',
        'Pending approvals',
      ]),
    );
  });

  it('tells the user when it does not understand, instead of staying silent', async () => {
    const before = connector.calls.length;
    await postJson(`${bot.server.url}/api/messages`, teamsMessage('make me a sandwich', connector.url));
    const calls = await connector.waitForCalls(before + 1);
    expect(calls[before].activity.text).toMatch(/did not understand.*help/i);
  });

  it('reports liveness on /healthz without revealing configuration', async () => {
    const response = await fetch(`${bot.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
