// A bad setting stops a process with one plain line naming the variable and exit code 2.
import { ConfigError } from './config';

export function settingsOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`phonedesk: configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
