/**
 * Command-line arguments for the editor's commands: positionals, `--flag value`,
 * `--flag=value` and boolean switches. Anything else is a UsageError (exit 2).
 */

export class UsageError extends Error {}

export interface ArgSpec {
  /** options that take a value, without the leading "--" */
  values: readonly string[];
  /** boolean switches, without the leading "--" */
  switches: readonly string[];
  /** at most this many positionals */
  maxPositionals: number;
}

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-' || !arg.startsWith('-')) {
      out.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!arg.startsWith('--')) throw new UsageError(`unknown option: ${arg}`);
    if (spec.switches.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.switches.add(name);
      continue;
    }
    if (!spec.values.includes(name)) throw new UsageError(`unknown option: --${name}`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (out.values.has(name)) throw new UsageError(`--${name} given twice`);
    out.values.set(name, value);
  }
  if (out.positionals.length > spec.maxPositionals) {
    throw new UsageError(`too many arguments: ${out.positionals.slice(spec.maxPositionals).join(' ')}`);
  }
  return out;
}
