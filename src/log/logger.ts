import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config';
import { maskPhoneNumbers, maskPhoneNumbersDeep } from '../phone/mask-phone-numbers';

export type { Logger } from 'pino';

// Field names that may hold credentials anywhere in a log payload.
const SECRET_PATHS = [
  'password',
  'secret',
  'token',
  'authorization',
  'clientSecret',
  'appPassword',
  '*.password',
  '*.secret',
  '*.token',
  '*.authorization',
  '*.Authorization',
  '*.clientSecret',
  '*.appPassword',
  'headers.authorization',
  'req.headers.authorization',
  'config.bot.appPassword',
  'config.graph.clientSecret',
];

/** Structured JSON logs; secrets are redacted and phone numbers masked before anything is written. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'phonedesk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => maskPhoneNumbersDeep(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? maskPhoneNumbers(arg) : arg)) as Parameters<
            typeof method
          >;
          method.apply(this, masked);
        },
      },
    },
    destination,
  );
}
