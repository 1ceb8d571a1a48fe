// Azurite, the local Azure Storage emulator (a devDependency, nothing downloaded), in its own process: in memory, on
// free loopback ports, with the well-known development account. The tests' helper and the load benchmark start it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import path from 'node:path';

/** Azurite's published development account (docs: "Azurite well-known storage account"). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export class Azurite {
  private child: ChildProcess | undefined;
  tablePort = 0;
  blobPort = 0;

  get connectionString(): string {
    return [
      'DefaultEndpointsProtocol=http',
      `AccountName=${ACCOUNT}`,
      `AccountKey=${KEY}`,
      `TableEndpoint=http://127.0.0.1:${this.tablePort}/${ACCOUNT}`,
      `BlobEndpoint=http://127.0.0.1:${this.blobPort}/${ACCOUNT}`,
    ].join(';');
  }

  async start(timeoutMs = 20_000): Promise<this> {
    [this.tablePort, this.blobPort] = [await freePort(), await freePort()];
    const queuePort = await freePort();
    const entry = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'azurite.js');
    let output = '';
    // The queue service is not used, but Azurite starts it too: on a free port of its own.
    const ports = ['--blobPort', this.blobPort, '--queuePort', queuePort, '--tablePort', this.tablePort].map(String);
    const hosts = ['--blobHost', '--queueHost', '--tableHost'].flatMap((flag) => [flag, '127.0.0.1']);
    this.child = spawn(
      process.execPath,
      [entry, '--silent', '--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck', ...hosts, ...ports],
      { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + timeoutMs;
    while (!((await listening(this.tablePort)) && (await listening(this.blobPort)))) {
      if (this.child.exitCode !== null || Date.now() > deadline)
        throw new Error(`Azurite did not start: ${output || `exit code ${this.child.exitCode}`}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return this;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
