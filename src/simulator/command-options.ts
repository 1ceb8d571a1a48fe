// The simulator's command-line options, read by node:util parseArgs; its errors become the simulator's own lines.
// (Its own copy: the simulator imports no production code, and phonedesk's CLI words its errors differently.)
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in the command line, or a request for help (no message): the usage text and exit code 2. */
export class UsageError extends Error {}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];
type OptionToken = Extract<Token, { kind: 'option' }>;

/** The options in the order they were given; unknown options, stray words and missing values are refused. */
export function optionTokens(args: readonly string[], options: OptionsConfig): OptionToken[] {
  try {
    const { tokens } = parseArgs({ args, options, strict: true, tokens: true });
    return tokens.filter((token): token is OptionToken => token.kind === 'option');
  } catch (error) {
    throw explain(error, args, options);
  }
}

/**
 * parseArgs's error as the simulator's line, chosen by its code. The error does not name the argument, so the
 * arguments are read again without checks and the first one that the code refers to is named.
 */
function explain(error: unknown, args: readonly string[], options: OptionsConfig): unknown {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const stray = tokens.find(
      (token) => token.kind === 'positional' || (token.kind === 'option' && !Object.hasOwn(options, token.name)),
    );
    if (stray) return new UsageError(`unknown option ${args[stray.index]}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // A switch given a value (`--throttle=yes`) is not an option the simulator knows, as before; a value option
    // without one, or with the next option taken for one (`--token --throttle`), needs a value.
    const misfit = tokens.find(
      (token): token is OptionToken =>
        token.kind === 'option' && Object.hasOwn(options, token.name) && !fits(token, options),
    );
    if (misfit && options[misfit.name].type === 'boolean')
      return new UsageError(`unknown option ${args[misfit.index]}`);
    if (misfit) return new UsageError(`--${misfit.name} needs a value`);
  }
  return error;
}

/** parseArgs's own test of a known option's value: a switch takes none, a value option one not like an option. */
function fits(token: OptionToken, options: OptionsConfig): boolean {
  if (options[token.name].type === 'boolean') return token.value === undefined;
  return token.value !== undefined && (token.inlineValue || !(token.value.length > 1 && token.value.startsWith('-')));
}
