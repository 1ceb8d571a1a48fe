// A phonedesk subcommand's options, read by node:util parseArgs; its errors become phonedesk's own plain lines.
import { parseArgs } from 'node:util';

/** A mistake in the command line: one plain line, exit code 2. */
export class UsageError extends Error {}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];
type StringOptions = Record<string, { type: 'string'; multiple: true }>;

/** `--name value` or `--name=value` options, each at most once, only the allowed ones. */
export function parseOptions(args: readonly string[], allowed: readonly string[]): Map<string, string> {
  // `multiple` keeps every occurrence, so that one given twice is refused rather than the last one winning.
  const options: StringOptions = Object.fromEntries(
    allowed.map((name) => [name, { type: 'string', multiple: true } as const]),
  );
  let values: Partial<Record<string, string[]>>;
  try {
    ({ values } = parseArgs({ args, options, strict: true }));
  } catch (error) {
    throw explain(error, args, options);
  }
  const parsed = new Map<string, string>();
  for (const [name, given = []] of Object.entries(values)) {
    if (given.includes('')) throw new UsageError(`--${name} needs a value`);
    if (given.length > 1) throw new UsageError(`--${name} is given twice`);
    parsed.set(name, given[0]);
  }
  return parsed;
}

/**
 * parseArgs's error as phonedesk's line, chosen by its code. The error does not name the argument, so the arguments
 * are read again without checks and the first one that the code refers to is named.
 */
function explain(error: unknown, args: readonly string[], options: StringOptions): unknown {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const stray = tokens.find(
      (token) => token.kind === 'positional' || (token.kind === 'option' && !Object.hasOwn(options, token.name)),
    );
    if (stray) return new UsageError(`unknown option "${args[stray.index]}"`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const valueless = tokens.find(lacksValue);
    if (valueless?.kind === 'option') return new UsageError(`--${valueless.name} needs a value`);
  }
  return error;
}

/** parseArgs's own test: no value, or the next option taken for one (`--data-dir --format csv`). */
function lacksValue(token: Token): boolean {
  if (token.kind !== 'option') return false;
  return token.value === undefined || (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-'));
}
