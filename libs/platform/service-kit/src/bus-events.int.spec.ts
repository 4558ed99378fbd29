import { Controller, Module } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { StoredEvent } from '@leerzone/kernel';
import type { DeadLetter } from '@leerzone/messaging';
import { StoredEventFactory } from '@leerzone/messaging/testing';
import { BusEvent, BusEventContext } from '@leerzone/nest-platform';
import type { ServiceDefinition } from './index';
import { startServiceTestApp, type ServiceTestApp } from './testing';

const seen: Array<{ handler: string; type: string; source: string; eventId: string }> = [];

/** A service's policies, declared the NestJS way; the platform's consumers carry them. */
@Controller()
class TeamPolicies {
  @BusEvent('governance', 'MemberRemoved', { group: 'kit-test.membership' })
  memberRemoved(@Payload() event: StoredEvent, @Ctx() context: BusEventContext) {
    seen.push({ handler: 'memberRemoved', type: event.type, source: context.getDelivery().source, eventId: event.eventId });
  }

  @BusEvent('governance', 'MemberAdded', { group: 'kit-test.membership' })
  async memberAdded(@Payload() event: StoredEvent) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    seen.push({ handler: 'memberAdded', type: event.type, source: 'governance', eventId: event.eventId });
  }

  @BusEvent('governance', '*', { group: 'kit-test.audit-everything', retry: { maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 } })
  everything(@Payload() event: StoredEvent) {
    if ((event.data as { poison?: boolean }).poison) throw new Error('cannot handle this one');
    seen.push({ handler: 'everything', type: event.type, source: 'governance', eventId: event.eventId });
  }
}

@Module({ controllers: [TeamPolicies] })
class PoliciesModule {}

const policiesService: ServiceDefinition = { name: 'kit-test', streamPrefixes: ['kit-test-'], module: PoliciesModule, defaultPort: 0, title: 'kit test', description: 'kit test' };

const until = async (done: () => boolean, what: string) => {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('@BusEvent handlers (a Nest custom transport over the EventBus port)', () => {
  let t: ServiceTestApp;
  const events = new StoredEventFactory({ tenantId: 'acme' });

  beforeAll(async () => {
    t = await startServiceTestApp([policiesService]);
  });
  afterAll(() => t.close());

  it('routes each event to the handlers of its source and type, in each group', async () => {
    const added = events.next('team-t1', { type: 'MemberAdded', data: { teamId: 't1', memberId: 'mia' } });
    const removed = events.next('team-t1', { type: 'MemberRemoved', data: { teamId: 't1', memberId: 'mia' } });
    const other = events.next('team-t1', { type: 'TeamRenamed', data: { teamId: 't1', name: 'x' } });
    await t.bus.publish('governance', [added, removed, other]);
    await until(() => seen.filter((s) => s.handler === 'everything').length === 3 && seen.some((s) => s.handler === 'memberRemoved'), 'the handlers');
    const membership = seen.filter((s) => s.handler !== 'everything');
    // One group, one subscription: its handlers see the events in order, one at a time.
    expect(membership.map((s) => [s.handler, s.eventId])).toEqual([
      ['memberAdded', added.eventId],
      ['memberRemoved', removed.eventId],
    ]);
    expect(seen.filter((s) => s.handler === 'everything').map((s) => s.type)).toEqual(['MemberAdded', 'MemberRemoved', 'TeamRenamed']);
  });

  it('ignores other sources, and dead-letters what a handler cannot take while the rest goes on', async () => {
    const letters: DeadLetter[] = [];
    const watcher = await t.bus.subscribeDeadLetters({ group: 'test.letters', sources: ['governance'], handle: (batch) => void letters.push(...batch) });
    seen.length = 0;
    await t.bus.publish('okr', [events.next('okr-objective-1', { type: 'MemberRemoved', data: {} })]);
    const poison = events.next('team-t2', { type: 'TeamRenamed', data: { poison: true } });
    const fine = events.next('team-t3', { type: 'TeamRenamed', data: { name: 'y' } });
    await t.bus.publish('governance', [poison, fine]);
    await until(() => letters.length === 1 && seen.some((s) => s.eventId === fine.eventId), 'the dead letter');
    expect(letters[0]).toMatchObject({ group: 'kit-test.audit-everything', event: { eventId: poison.eventId } });
    expect(seen.map((s) => s.eventId)).not.toContain(poison.eventId);
    expect(seen.some((s) => s.handler === 'memberRemoved')).toBe(false);
    await watcher.stop();
  });
});
