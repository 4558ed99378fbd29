import { parseArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { findLetter } from '../kafka/dead-letters';
import { kafkaTarget, withBroker } from '../kafka/kafka-access';
import { KAFKA_FLAGS } from './dead-letters-list.command';

/** `dead-letters show <id>`: one letter in full — origin, error, decisions, headers and the event. */
export const deadLettersShowCommand: CliCommand = {
  path: ['dead-letters', 'show'],
  summary: 'Show one dead letter: where it came from, why it failed, what was decided, the message itself',
  usage: '<id> [--brokers <host:port>] [--namespace <ns>]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, positional } = parseArgs(args, [...KAFKA_FLAGS]);
    if (positional.length !== 1) throw new UsageError('Name one dead letter: its id as `dead-letters list` shows it.');
    const target = kafkaTarget(flags, io.env);
    const letter = await withBroker(target, () => findLetter(target, positional[0]!));
    const value = letter.message.value?.toString('utf8') ?? '';
    let body: unknown = value;
    try {
      body = JSON.parse(value);
    } catch {
      // Malformed messages are shown as the text they are.
    }
    const headers = Object.fromEntries(Object.entries(letter.message.headers).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('utf8') : Array.isArray(v) ? v.map(String) : String(v)]));
    const { message: _message, ...facts } = letter;
    io.out.write(`${JSON.stringify({ ...facts, key: letter.message.key?.toString('utf8') ?? null, headers, value: body }, null, 2)}\n`);
    return 0;
  },
};
