// A child process the launcher owns: started with a readiness pattern, stopped with SIGTERM (then SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';

interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** A line on stdout that means "ready"; its first capture group is returned. */
  ready: RegExp;
  /** Checked once the ready line appears (given its capture); a rejection stops the child and fails the start. */
  confirm?: (value: string) => Promise<void>;
  /** Where the child's output goes (the launcher's own stdout by default). */
  output?: (line: string, stream: 'stdout' | 'stderr') => void;
  readyTimeoutMs?: number;
}

export class ManagedChild {
  private process?: ChildProcess;
  private exited = false;
  /** Stopped before it was started (Ctrl-C during start-up): it must not start at all. */
  private cancelled = false;
  /** Last lines of stderr, to explain a failed start. */
  private errorTail: string[] = [];
  onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null) => void;

  constructor(readonly spec: ChildSpec) {}

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Starts the child and resolves with the ready pattern's first group. */
  start(): Promise<string> {
    const { spec } = this;
    if (this.cancelled) return Promise.reject(new Error(`${spec.name} was not started: stopping`));
    const output =
      spec.output ??
      ((line: string, stream: 'stdout' | 'stderr') =>
        (stream === 'stdout' ? process.stdout : process.stderr).write(`${line}\n`));
    return new Promise((resolve, reject) => {
      const child = spawn(spec.command, spec.args, { env: spec.env, cwd: spec.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      this.process = child;
      let ready = false;
      let matched = false;
      const timer = setTimeout(() => {
        if (!ready) {
          reject(
            new Error(`${spec.name} did not start within ${Math.round((spec.readyTimeoutMs ?? 30_000) / 1000)} s`),
          );
          void this.stop();
        }
      }, spec.readyTimeoutMs ?? 30_000);
      const lines = (stream: 'stdout' | 'stderr') => {
        let buffer = '';
        return (chunk: Buffer): void => {
          buffer += chunk.toString();
          let newline: number;
          while ((newline = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + 1);
            output(line, stream);
            if (stream === 'stderr') this.errorTail = [...this.errorTail.slice(-4), line];
            const match = stream === 'stdout' && !matched ? spec.ready.exec(line) : null;
            if (match) {
              matched = true;
              clearTimeout(timer);
              const value = match[1] ?? line;
              (spec.confirm ?? (() => Promise.resolve()))(value).then(
                () => {
                  ready = true;
                  resolve(value);
                },
                (error: unknown) => {
                  reject(error);
                  void this.stop();
                },
              );
            }
          }
        };
      };
      child.stdout!.on('data', lines('stdout'));
      child.stderr!.on('data', lines('stderr'));
      child.on('error', (error) => {
        clearTimeout(timer);
        if (!ready) reject(new Error(`${spec.name} could not be started: ${error.message}`));
      });
      child.on('exit', (code, signal) => {
        this.exited = true;
        clearTimeout(timer);
        if (!ready) {
          const why = this.errorTail.filter((line) => line.trim() !== '').pop();
          reject(
            new Error(
              `${spec.name} stopped before it was ready${why ? `: ${why.replace(/^[\w-]+: /, '')}` : ` (exit code ${code})`}`,
            ),
          );
        } else {
          this.onUnexpectedExit?.(code, signal);
        }
      });
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs = 5000): Promise<void> {
    const child = this.process;
    if (!child) this.cancelled = true;
    if (!child || this.exited || child.exitCode !== null) return Promise.resolve();
    this.onUnexpectedExit = undefined;
    return new Promise((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
