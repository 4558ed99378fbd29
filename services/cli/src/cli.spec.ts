import { PassThrough } from 'node:stream';
import { runCli } from './cli';
import { UsageError, type CliCommand } from './command';

const io = () => {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = (s: PassThrough) => String(s.read() ?? '');
  return { io: { out, err, env: {} }, out: () => text(out), err: () => text(err) };
};

const echo: CliCommand = {
  path: ['store', 'echo'],
  summary: 'echo arguments',
  usage: '<words…>',
  run: async (args, { out }) => {
    if (args.length === 0) throw new UsageError('Nothing to echo.');
    out.write(args.join(' '));
    return 0;
  },
};

describe('runCli', () => {
  it('runs the command selected by its path', async () => {
    const t = io();
    expect(await runCli(['store', 'echo', 'a', 'b'], [echo], t.io)).toBe(0);
    expect(t.out()).toBe('a b');
  });

  it('prints usage with exit code 2 for a usage error or an unknown command', async () => {
    const t = io();
    expect(await runCli(['store', 'echo'], [echo], t.io)).toBe(2);
    expect(t.err()).toContain('Usage: leerzone store echo <words…>');
    const u = io();
    expect(await runCli(['nope'], [echo], u.io)).toBe(2);
    expect(u.err()).toContain('Unknown command: nope');
  });

  it('prints a command’s usage and summary for --help, exit 0, without running it', async () => {
    const t = io();
    expect(await runCli(['store', 'echo', '--help'], [{ ...echo, help: 'Example: leerzone store echo a b' }], t.io)).toBe(0);
    expect(t.out()).toBe('Usage: leerzone store echo <words…>\n\necho arguments.\n\nExample: leerzone store echo a b\n');
  });

  it('lists every command with its summary, and says where the options are', async () => {
    const t = io();
    expect(await runCli(['--help'], [echo], t.io)).toBe(0);
    expect(t.err()).toBe('Usage: leerzone <command> [options]\n\nCommands:\n  store echo  echo arguments\n\nleerzone <command> --help shows its options.\n');
  });
});
