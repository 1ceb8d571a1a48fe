// Several bot processes sharing one Azure Storage account (Azurite) and one simulated tenant, as an App Service
// scale-out runs them behind Azure Bot Service: each a real `node dist/src/index.js` that a test may SIGKILL.
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Azurite } from './azurite';
import { ChatClient } from './bot-harness';
import { CaptureServer } from './capture-server';
import { DEMO_GROUP_SETTINGS } from './config';
import { startNode } from './processes';
import { SimulatorHarness } from './simulator';
import { tempDir } from './temp-dir';

export interface Instance {
  name: string;
  url: string;
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

export class BotInstances {
  readonly simulator = new SimulatorHarness();
  readonly connector = new CaptureServer();
  /** Every table and container of this deployment starts with it. */
  readonly prefix = `m${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  private readonly running = new Map<string, Instance>();
  private readonly temp = tempDir('phonedesk-instances-');

  constructor(
    private readonly azurite: Azurite,
    /** Seconds an instance's leases last: how soon another takes over from one killed. */
    private readonly leaseSeconds = 2,
  ) {}

  /** The settings every instance shares (and `phonedesk audit verify` needs). */
  get storage(): Record<string, string> {
    return {
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: this.azurite.connectionString,
      AZURE_STORAGE_PREFIX: this.prefix,
    };
  }

  async start(...names: string[]): Promise<void> {
    await this.simulator.start();
    await this.connector.start();
    for (const name of names) await this.startInstance(name);
  }

  async startInstance(name: string): Promise<Instance> {
    const started = await startNode(
      'dist/src/index.js',
      {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATA_DIR: this.temp.dir,
        GRAPH_BASE_URL: this.simulator.url,
        INSTANCE_LEASE_SECONDS: String(this.leaseSeconds),
        ...DEMO_GROUP_SETTINGS,
        ...this.storage,
      },
      /phonedesk listening on (http:\/\/[^\s"/]+)\/api\/messages/,
    );
    const instance = { name, url: started.match[1]!, child: started.child, output: started.output };
    this.running.set(name, instance);
    return instance;
  }

  /** A chat with the named instance; replies are all captured by the one connector. */
  chat(name: string): ChatClient {
    return new ChatClient(this.connector, () => this.instance(name).url);
  }

  instance(name: string): Instance {
    const instance = this.running.get(name);
    if (!instance) throw new Error(`no instance "${name}" is running`);
    return instance;
  }

  /** Kills the instance at once, as a crash or a scale-in would: nothing of it gets to finish. */
  async kill(name: string): Promise<void> {
    const { child } = this.instance(name);
    this.running.delete(name);
    if (child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }

  async stop(): Promise<void> {
    for (const [name, { child }] of this.running) {
      this.running.delete(name);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
    await this.connector.stop();
    await this.simulator.stop();
    this.temp.cleanup();
  }
}
