import { UsageError } from './command';

export interface ParsedArgs {
  readonly positional: string[];
  /** Last value of each `--name value` flag. */
  readonly flags: Map<string, string>;
  /** Every value of a repeatable flag (`--scale a=2 --scale b=3`). */
  readonly all: Map<string, string[]>;
  /** Boolean switches given (`--purge`). */
  readonly switches: Set<string>;
}

/** `--name value` flags (those in `valued`), `--name` switches (those in `switches`) and positional words; anything else is a usage error. */
export function parseArgs(args: readonly string[], valued: readonly string[], switches: readonly string[] = []): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], flags: new Map(), all: new Map(), switches: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (switches.includes(name) && inline === undefined) {
      parsed.switches.add(name);
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(`Unknown argument: --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
    parsed.flags.set(name, value);
    parsed.all.set(name, [...(parsed.all.get(name) ?? []), value]);
  }
  return parsed;
}
