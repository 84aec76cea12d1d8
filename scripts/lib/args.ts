/**
 * Command lines as staff type them, read strictly (node:util parseArgs): an unknown option,
 * a missing value or a stray argument stops the command with one Chinese line and the usage,
 * never parseArgs' English alone. A file name that starts with "-" is read as an option by
 * every command-line tool; the message says to write it as ./-name.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export class UsageError extends Error {}

/** Why parseArgs refused, in words for staff. */
function explain(e: Error & { code?: string }, options: Options, takesFiles: boolean): string {
  const flag = /'(-{1,2}[^'\s]+)'/.exec(e.message)?.[1] ?? '';
  const known = Object.keys(options).map((o) => `--${o}`).join('、');
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不认识的选项 ${flag}。可用的选项：${known}` + (takesFiles ? `。文件名以“-”开头时，请写成 ./${flag}` : '');
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${flag} 的写法不对：${/requires an argument|argument missing/.test(e.message) ? '后面要跟一个值' : '它不需要值'}。可用的选项：${known}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多了参数 ${/'([^']+)'/.exec(e.message)?.[1] ?? ''}`;
    default:
      return '参数有误';
  }
}

/**
 * Parses process.argv for a script; on a mistake prints the reason and the usage in Chinese
 * to stderr and exits with 2. `positionals` is how many arguments (not options) it takes.
 */
export function parseCommandLine<O extends Options>(usage: string, options: O, { positionals = 0 }: { positionals?: number } = {}) {
  try {
    const parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) throw new UsageError(`多了参数 ${parsed.positionals.slice(positionals).join(' ')}`);
    return parsed;
  } catch (e) {
    const reason = e instanceof UsageError ? e.message : explain(e as Error & { code?: string }, options, positionals > 0);
    console.error(`${reason}。\n${usage}`);
    process.exit(2);
  }
}
