import { parseArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { DEPLOYED_SERVICES } from '../deploy/topology';
import { table } from '../stack/stack-options';
import { listDeadLetters } from '../kafka/dead-letters';
import { kafkaTarget, withBroker } from '../kafka/kafka-access';

export const KAFKA_FLAGS = ['brokers', 'namespace'] as const;

export const servicesFlag = (values: readonly string[]): string[] => {
  for (const name of values) {
    if (!DEPLOYED_SERVICES.some((s) => s.name === name)) throw new UsageError(`--service ${name}: there is no such service (services: ${DEPLOYED_SERVICES.map((s) => s.name).join(', ')}).`);
  }
  return values.length > 0 ? [...values] : DEPLOYED_SERVICES.map((s) => s.name);
};

/** `dead-letters list`: the letters consumers gave up on, with why and what was decided about them. */
export const deadLettersListCommand: CliCommand = {
  path: ['dead-letters', 'list'],
  summary: 'List the messages consumers gave up on (pending ones; --all for replayed and discarded too)',
  usage: '[--service <name>]… [--all] [--json] [--brokers <host:port>] [--namespace <ns>]',
  help: 'Reads every service’s <namespace>.<service>.events.dlq topic to its end (moving no consumer’s offsets).\nEach letter’s id (<service>:<partition>:<offset>) is what show, replay and discard take.',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, all, switches, positional } = parseArgs(args, ['service', ...KAFKA_FLAGS], ['all', 'json']);
    if (positional.length > 0) throw new UsageError(`Unexpected argument: ${positional[0]}`);
    const target = kafkaTarget(flags, io.env);
    const letters = (await withBroker(target, () => listDeadLetters(target, servicesFlag(all.get('service') ?? [])))).filter((l) => switches.has('all') || l.status === 'pending' || l.status === 'claimed');
    if (switches.has('json')) {
      io.out.write(`${JSON.stringify(letters.map(({ message: _message, ...letter }) => letter), null, 2)}\n`);
      return 0;
    }
    if (letters.length === 0) {
      io.out.write(`No ${switches.has('all') ? '' : 'pending '}dead letters in namespace ${target.namespace}.\n`);
      return 0;
    }
    io.out.write(
      table([
        ['id', 'status', 'group', 'event', 'error', 'attempts', 'dead-lettered at'],
        ...letters.map((l) => [l.id, l.status, l.group, l.eventType ?? '(unreadable)', l.error.code, String(l.attempts), l.deadLetteredAt]),
      ]),
    );
    io.out.write(`${letters.length} letter${letters.length === 1 ? '' : 's'}. Details: leerzone dead-letters show <id>\n`);
    return 0;
  },
};
