// Owns the launcher's child processes: on Ctrl-C / SIGTERM, or when one of them stops on its own, it stops them all
// and exits, so that no process is left behind.
import type { ManagedChild } from './managed-child';

export class Supervisor {
  private readonly children: ManagedChild[] = [];
  private stopping = false;

  constructor(private readonly exit: (code: number) => void = (code) => process.exit(code)) {}

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Call before starting anything: a signal during start-up must stop what has already started. */
  handleSignals(): void {
    process.on('SIGINT', () => void this.stop(0));
    process.on('SIGTERM', () => void this.stop(0));
    this.stopWhenOrphaned();
  }

  /**
   * npm (or a shell) that started the launcher may die without passing a signal on (SIGKILL, a shell that swallows
   * SIGTERM); the launcher is then re-parented, and stops everything rather than run on unseen.
   */
  private stopWhenOrphaned(everyMs = 1000): void {
    const parent = process.ppid;
    const timer = setInterval(() => {
      if (process.ppid === parent) return;
      clearInterval(timer);
      process.stderr.write('phonedesk: the process that started me has gone; stopping everything\n');
      void this.stop(0);
    }, everyMs);
    timer.unref();
  }

  track(child: ManagedChild): void {
    this.children.push(child);
    child.onUnexpectedExit = (code, signal) => {
      process.stderr.write(
        `phonedesk: the ${child.spec.name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything\n`,
      );
      void this.stop(1);
    };
    if (this.stopping) void child.stop();
  }

  /** Stops every child, last started first, then exits with `code`. */
  async stop(code: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    await Promise.all([...this.children].reverse().map((child) => child.stop()));
    this.exit(code);
  }
}
