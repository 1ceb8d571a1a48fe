// The launchers' settings: a bad one is reported as one line and exit code 2, like the bot does.
import { ConfigError } from '../config';

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
