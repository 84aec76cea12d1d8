/**
 * Command-line errors of `npm run import`, `npm run new` and `npm run check` in Chinese. They parse
 * their arguments with node:util parseArgs in strict mode; its errors are English, so they
 * are translated here from the error code and the argument that caused them: an unknown
 * option (with the nearest known one, when a letter or two is off), a file name that starts
 * with '-' (which parseArgs reads as options), an option missing its value or given one it
 * does not take.
 */
import { ImportError } from '../../src/importer/errors.ts';

/** An option as given to parseArgs. */
export interface OptionHelp {
  type: 'string' | 'boolean';
  short?: string;
}

export interface ArgsHelp {
  options: Record<string, OptionHelp>;
  /** How an option is written with its value, for messages: { year: '--year 2025' }. */
  examples?: Record<string, string>;
  usage: string;
}

/** --year、--dry-run、--force: the options staff may type (help left out). */
const listed = (options: Record<string, OptionHelp>) =>
  Object.keys(options)
    .filter((name) => name !== 'help')
    .map((name) => `--${name}`);

/** Edit distance between two short words. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** The known option a mistyped one most likely meant, if it is close. */
function nearest(name: string, options: Record<string, OptionHelp>): string | undefined {
  const typed = name.replace(/^-+/, '').split('=')[0]!;
  const best = listed(options)
    .map((known) => ({ known, d: distance(typed, known.slice(2)) }))
    .sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 2 && best.d < typed.length ? best.known : undefined;
}

/** The first argument (before a lone '--') that is option-like but not a known option. */
function unknownArgument(args: readonly string[], options: Record<string, OptionHelp>): string | undefined {
  const shorts = new Set(Object.values(options).flatMap((o) => (o.short ? [o.short] : [])));
  for (const arg of args) {
    if (arg === '--') return undefined;
    if (arg.startsWith('--')) {
      if (!(arg.slice(2).split('=')[0]! in options)) return arg;
    } else if (arg.startsWith('-') && arg.length > 1 && ![...arg.slice(1)].every((c) => shorts.has(c))) return arg;
  }
  return undefined;
}

/** A single-dash argument that reads as a file name rather than an option: -报告.docx, -a/b.txt. */
const looksLikeFile = (arg: string) => !arg.startsWith('--') && /[.\\/]|[^\x00-\x7f]/.test(arg.slice(1));

/** The option an error message quotes: '--year' from "Option '--year <value>' argument missing". */
const quotedOption = (message: string) => /'(-{1,2}[^'\s<=]+)/.exec(message)?.[1];

/**
 * A parseArgs error as one Chinese message (and the usage line); never its English text.
 * Anything not from parseArgs is returned as it is.
 */
export function argsError(error: unknown, args: readonly string[], help: ArgsHelp): unknown {
  const code = (error as { code?: string })?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return error;
  return new ImportError(`${describe(code, (error as Error).message, args, help)}\n${help.usage}`);
}

function describe(code: string, message: string, args: readonly string[], help: ArgsHelp): string {
  const { options } = help;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const arg = unknownArgument(args, options) ?? quotedOption(message) ?? '';
    if (looksLikeFile(arg)) return `文件名以“-”开头时请写成 ./${arg}（或写出完整路径），否则会被当成选项。`;
    const name = arg.split('=')[0];
    const guess = nearest(arg, options);
    const known = listed(options);
    return `不认识的选项 ${name}。${guess ? `是不是 ${guess}？` : ''}${known.length ? `可用：${known.join('、')}` : '这条命令没有其他选项'}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = quotedOption(message) ?? '';
    const key = name.replace(/^-+/, '');
    if (options[key]?.type === 'boolean') return `${name} 后面不用写值：只写 ${name} 即可。`;
    const example = help.examples?.[key];
    return `${name} 后面要写值${example ? `，例如 ${example}` : ''}；值以“-”开头时写成 ${name}=值。`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return '多余的参数。';
  return '参数有误。';
}
