import { RejectedMessageError } from './errors';
import { runDeliveryPipeline, type PipelineHooks, type PipelineMessage } from './delivery-pipeline';
import { silentMessagingLogger } from './messaging-logger';

type Message = PipelineMessage<string>;
const ok = (offset: number, payload: string): Message => ({ offset: String(offset), decoded: { ok: true, payload } });

function harness(handle: (payloads: readonly string[]) => void | Promise<void>, overrides: Partial<PipelineHooks<string, Message>> = {}) {
  const log: string[] = [];
  const hooks: PipelineHooks<string, Message> = {
    handle: async (payloads) => {
      log.push(`handle ${payloads.join(',')}`);
      await handle(payloads);
    },
    retry: { maxAttempts: 3, initialBackoffMs: 1, maxBackoffMs: 2 },
    deadLetter: async (message, error, attempts) => void log.push(`dead ${message.offset} ${error.code} ${attempts}`),
    commit: async (message) => void log.push(`commit ${message.offset}`),
    shouldContinue: () => true,
    sleep: async () => true,
    logger: silentMessagingLogger,
    context: {},
    ...overrides,
  };
  return { log, hooks };
}

describe('delivery pipeline', () => {
  it('hands a healthy run over in one call and commits its last offset', async () => {
    const { log, hooks } = harness(() => undefined);
    await expect(runDeliveryPipeline([ok(0, 'a'), ok(1, 'b'), ok(2, 'c')], hooks)).resolves.toBe(true);
    expect(log).toEqual(['handle a,b,c', 'commit 2']);
  });

  it('counts a lone message’s batch call as its first attempt', async () => {
    const { log, hooks } = harness(() => {
      throw new Error('always');
    });
    await runDeliveryPipeline([ok(7, 'x')], hooks);
    expect(log).toEqual(['handle x', 'handle x', 'handle x', 'dead 7 MESSAGING.HANDLER_FAILED 3', 'commit 7']);
  });

  it('dead-letters at once when the handler says retrying cannot help', async () => {
    const { log, hooks } = harness((payloads) => {
      if (payloads.includes('b')) throw new RejectedMessageError('MESSAGING.INVALID_EVENT', 'b is wrong');
    });
    await runDeliveryPipeline([ok(0, 'a'), ok(1, 'b'), ok(2, 'c')], hooks);
    expect(log).toEqual(['handle a,b,c', 'handle a', 'commit 0', 'handle b', 'dead 1 MESSAGING.INVALID_EVENT 1', 'commit 1', 'handle c', 'commit 2']);
  });

  it('flushes the run before dead-lettering an undecodable message, keeping order', async () => {
    const { log, hooks } = harness(() => undefined);
    const bad: Message = { offset: '1', decoded: { ok: false, error: new RejectedMessageError('MESSAGING.MALFORMED_MESSAGE', 'not JSON', 'value') } };
    await runDeliveryPipeline([ok(0, 'a'), bad, ok(2, 'c')], hooks);
    expect(log).toEqual(['handle a', 'commit 0', 'dead 1 MESSAGING.MALFORMED_MESSAGE 0', 'commit 1', 'handle c', 'commit 2']);
  });

  it('stops without committing the message in retry when shutdown interrupts the backoff', async () => {
    const { log, hooks } = harness(
      (payloads) => {
        if (payloads.includes('b')) throw new Error('db down');
      },
      { sleep: async () => false },
    );
    await expect(runDeliveryPipeline([ok(0, 'a'), ok(1, 'b'), ok(2, 'c')], hooks)).resolves.toBe(false);
    expect(log).toEqual(['handle a,b,c', 'handle a', 'commit 0', 'handle b']);
  });

  it('heartbeats through long backoffs so the member keeps its partitions', async () => {
    let beats = 0;
    const slept: number[] = [];
    const { hooks } = harness(
      (payloads) => {
        if (payloads.includes('b')) throw new Error('flaky');
      },
      { retry: { maxAttempts: 2, initialBackoffMs: 2_500, maxBackoffMs: 2_500 }, sleep: async (ms) => {
          slept.push(ms);
          return true;
        }, heartbeat: async () => void beats++ },
    );
    await runDeliveryPipeline([ok(0, 'b')], hooks);
    expect(slept.every((ms) => ms <= 1_000)).toBe(true);
    expect(beats).toBe(slept.length);
    expect(slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1_250);
  });
});
