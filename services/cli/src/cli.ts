import type { CliCommand, CliIo } from './command';
import { UsageError } from './command';

const help = (commands: readonly CliCommand[]): string => {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  return (
    [
      'Usage: leerzone <command> [options]',
      '',
      'Commands:',
      ...commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
      '',
      'leerzone <command> --help shows its options.',
    ].join('\n') + '\n'
  );
};

/** Finds the command whose path is the longest prefix of argv and runs it. */
export async function runCli(argv: readonly string[], commands: readonly CliCommand[], io: CliIo): Promise<number> {
  const matches = commands.filter((c) => c.path.every((word, i) => argv[i] === word)).sort((a, b) => b.path.length - a.path.length);
  const command = matches[0];
  if (!command) {
    io.err.write(argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' ? help(commands) : `Unknown command: ${argv.join(' ')}\n\n${help(commands)}`);
    return argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' ? 0 : 2;
  }
  const rest = argv.slice(command.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out.write(`Usage: leerzone ${command.path.join(' ')} ${command.usage}\n\n${command.summary}.\n${command.help ? `\n${command.help.trimEnd()}\n` : ''}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err.write(`${error.message}\nUsage: leerzone ${command.path.join(' ')} ${command.usage}\n`);
      return 2;
    }
    io.err.write(`leerzone ${command.path.join(' ')} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
