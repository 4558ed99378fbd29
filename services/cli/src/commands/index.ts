import type { CliCommand } from '../command';

/** Every command the CLI knows. Each lives in its own file beside this one. */
export const commands: readonly CliCommand[] = [];
