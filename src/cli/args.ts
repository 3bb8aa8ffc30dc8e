// Command-line flags for every CLI, through node:util parseArgs (strict): each option declared
// once with its help line, `--help` prints them, and an unknown or malformed flag is refused
// with the usage instead of being silently ignored (`--jsn`).
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliOption {
  type: 'boolean' | 'string';
  short?: string;
  /** One line for --help. */
  help: string;
  /** For string options: what the value is, e.g. "DIR". */
  value?: string;
}

export interface CliSpec<O extends Record<string, CliOption>> {
  /** "npm run load -- PATH… [options]" */
  usage: string;
  /** What the command does, one or two sentences. */
  about: string;
  options: O;
  /** The positionals' meaning for --help (omit when the command takes none). */
  positionals?: string;
}

type Values<O extends Record<string, CliOption>> = { [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : string | undefined };

/** Thrown for a flag the command does not take: the CLI prints it with the usage and exits 64. */
export class UsageError extends Error {}

export function helpText<O extends Record<string, CliOption>>(spec: CliSpec<O>): string {
  const rows = Object.entries(spec.options).map(([name, o]) => [`${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`, o.help] as const);
  rows.push(['-h, --help', 'Print this help.']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [`usage: ${spec.usage}`, '', spec.about, ...(spec.positionals ? ['', spec.positionals] : []), '', 'options:', ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`)].join('\n');
}

/** Reads argv against the spec; UsageError for anything it does not declare. */
export function readArgs<O extends Record<string, CliOption>>(spec: CliSpec<O>, argv: string[]): { values: Values<O>; positionals: string[]; help: boolean } {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(spec.options)) options[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: spec.positionals !== undefined });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const values: Record<string, boolean | string | undefined> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const v = parsed.values[name];
    values[name] = o.type === 'boolean' ? v === true : typeof v === 'string' ? v : undefined;
  }
  // The one cast: each value was read by its declared type just above.
  return { values: values as Values<O>, positionals: parsed.positionals, help: parsed.values.help === true };
}

/** readArgs for a CLI's main: prints --help (exit 0) or the refusal with the usage (exit 64). */
export function cliArgs<O extends Record<string, CliOption>>(spec: CliSpec<O>, argv = process.argv.slice(2)): { values: Values<O>; positionals: string[] } {
  try {
    const read = readArgs(spec, argv);
    if (read.help) {
      console.log(helpText(spec));
      process.exit(0);
    }
    return read;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${helpText(spec)}`);
    process.exit(64);
  }
}
