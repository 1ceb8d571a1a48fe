import type { Activity } from 'botbuilder';
import { startBot, type RunningBot } from '../../src/index';
import { createLogger, type Logger } from '../../src/log/logger';
import { demoUserId } from '../../src/simulator/demo-tenant';
import { CaptureServer, type CapturedCall } from './capture-server';
import { testConfig } from './config';
import { postJson } from './http';
import { SimulatorHarness } from './simulator';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { tempDir } from './temp-dir';

export interface ChatUser {
  alias: string;
  name: string;
  /** Teams user id (MRI). */
  teamsId: string;
  conversationId: string;
}

export const chatUser = (alias: string, name: string): ChatUser => ({
  alias,
  name,
  teamsId: `29:${alias}`,
  conversationId: `a:personal-${alias}`,
});

export const PRIYA = chatUser('priya.shah', 'Priya Shah');
export const MARCUS = chatUser('marcus.lee', 'Marcus Lee');
export const HANA = chatUser('hana.kim', 'Hana Kim');
export const VICTOR = chatUser('victor.osei', 'Victor Osei');

export interface InvokeReply {
  status: number;
  body: { statusCode: number; type: string; value: unknown };
}

let activityCounter = 0;

/** A chat with a bot over real HTTP: activities as Teams sends them, replies captured by the connector. */
export class ChatClient {
  constructor(
    readonly connector: CaptureServer,
    private readonly url?: () => string,
  ) {}

  /** Where the bot listens (its /api/messages without the path). */
  protected botUrl(): string {
    if (!this.url) throw new Error('no bot to talk to');
    return this.url();
  }

  private activity(user: ChatUser, fields: Partial<Activity>, channelId = 'msteams'): Partial<Activity> {
    activityCounter += 1;
    return {
      id: `in-${activityCounter}`,
      timestamp: new Date(),
      channelId,
      serviceUrl: this.connector.url,
      from: { id: user.teamsId, name: user.name, aadObjectId: demoUserId(user.alias) },
      recipient: { id: '28:phonedesk', name: 'phonedesk' },
      conversation: { id: user.conversationId, conversationType: 'personal', isGroup: false, name: '' },
      locale: 'en-GB',
      ...fields,
    };
  }

  /** The chat opening (as Teams and the Playground do): phonedesk learns how to reach the person. */
  async open(user: ChatUser): Promise<void> {
    const reply = await postJson(
      `${this.botUrl()}/api/messages`,
      this.activity(user, { type: 'conversationUpdate', membersAdded: [{ id: user.teamsId, name: user.name }] }),
    );
    if (reply.status >= 400) throw new Error(`conversationUpdate failed: ${reply.status}`);
  }

  /** Sends a message and returns what the bot posted during that turn. */
  async say(
    user: ChatUser,
    text: string,
    extra: Partial<Activity> = {},
    channelId = 'msteams',
  ): Promise<CapturedCall[]> {
    const before = this.connector.calls.length;
    const reply = await postJson(
      `${this.botUrl()}/api/messages`,
      this.activity(user, { type: 'message', text, ...extra }, channelId),
    );
    if (reply.status >= 400) throw new Error(`message failed: ${reply.status} ${reply.text}`);
    return this.connector.calls.slice(before);
  }

  /** Clicks an Action.Execute button; returns the invoke response. */
  async click(user: ChatUser, verb: string, data: Record<string, unknown>, replyToId = 'card-1'): Promise<InvokeReply> {
    const reply = await postJson(
      `${this.botUrl()}/api/messages`,
      this.activity(user, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      }),
    );
    return { status: reply.status, body: JSON.parse(reply.text || '{}') as InvokeReply['body'] };
  }

  /** Posts to a person's chat since `from` (an index into connector.calls). */
  postsTo(user: ChatUser, from = 0): CapturedCall[] {
    return this.connector.calls
      .slice(from)
      .filter(
        (call) =>
          call.path.includes(encodeURIComponent(user.conversationId)) || call.path.includes(user.conversationId),
      );
  }
}

/** The whole bot over real HTTP: simulator, restify + CloudAdapter + teams-ai + dialogs, replies captured. */
export class BotHarness extends ChatClient {
  readonly simulator = new SimulatorHarness();
  bot!: RunningBot;
  private temp = tempDir('phonedesk-e2e-');

  /** `env` adds settings; `logger` replaces the silent one (to inspect what the bot logs). */
  constructor(private readonly options: { env?: Record<string, string>; logger?: Logger } = {}) {
    super(new CaptureServer());
  }

  protected override botUrl(): string {
    return this.bot.server.url;
  }

  async start(): Promise<void> {
    await this.simulator.start();
    await this.connector.start();
    await this.startBot();
  }

  async startBot(): Promise<void> {
    this.bot = await startBot(
      testConfig({ DATA_DIR: this.temp.dir, GRAPH_BASE_URL: this.simulator.url, ...this.options.env }),
      this.options.logger ?? createLogger('silent'),
    );
  }

  /** The bot's SQLite connection (the default STORAGE), for tests that reach under the stores. */
  get sqlite(): SqliteDatabase {
    const db = this.bot.services.sqlite;
    if (!db) throw new Error('this bot runs on Azure Storage, not SQLite');
    return db;
  }

  /** Stops and starts the bot on the same data directory, as a deployment or crash would. */
  async restartBot(): Promise<void> {
    await this.bot.stop();
    await this.startBot();
  }

  async stop(): Promise<void> {
    await this.bot?.stop();
    await this.connector.stop();
    await this.simulator.stop();
    this.temp.cleanup();
  }
}

/** Text and card JSON of captured posts, for assertions. */
export function textOf(calls: readonly CapturedCall[]): string {
  return calls
    .map((call) =>
      [
        call.activity.text ?? '',
        ...(call.activity.attachments ?? []).map((attachment) => JSON.stringify(attachment.content)),
      ].join('\n'),
    )
    .join('\n');
}

/** The first Action.Execute button with this verb in the captured cards, with its data. */
export function findButton(calls: readonly CapturedCall[], verb: string): Record<string, unknown> | undefined {
  for (const call of calls) {
    for (const attachment of call.activity.attachments ?? []) {
      const match = JSON.stringify(attachment.content).match(
        new RegExp(
          `"type":"Action\\.Execute","title":"[^"]*","verb":"${verb.replace('.', '\\.')}","data":(\\{[^}]*\\})`,
        ),
      );
      if (match) return JSON.parse(match[1]) as Record<string, unknown>;
    }
  }
  return undefined;
}

export async function waitUntil<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The hooks of a whole-bot test file: start the harness, open these people's chats (as Teams does), stop. */
export function useBot(harness: BotHarness, people: readonly ChatUser[]): BotHarness {
  beforeAll(async () => {
    await harness.start();
    for (const person of people) await harness.open(person);
  }, 30000);
  afterAll(async () => {
    await harness.stop();
  });
  return harness;
}
