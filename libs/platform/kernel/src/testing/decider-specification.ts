import { expect } from '@jest/globals';
import type { Decider, Rejection } from '../decider/decider';
import { isRejection } from '../decider/decider';
import type { CommandContext, DomainEvent } from '../envelope/event-envelope';

export const testContext = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  tenantId: 'tenant-test',
  actor: { id: 'user-test', kind: 'user' },
  correlationId: 'correlation-test',
  causationId: 'causation-test',
  now: new Date('2026-01-15T09:00:00.000Z'),
  ...overrides,
});

/**
 * Given/when/then for deciders:
 *
 *   const spec = DeciderSpecification.for(teamDecider);
 *   spec.given([teamCreated]).when(renameTeam).then([teamRenamed]);
 *   spec.given([]).when(renameTeam).thenRejects('TEAM.NOT_FOUND');
 */
export const DeciderSpecification = {
  for<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>, baseContext: Partial<CommandContext> = {}) {
    return {
      given(events: readonly Event[]) {
        const state = events.reduce(decider.evolve, decider.initialState);
        return {
          when(command: Command, context: Partial<CommandContext> = {}) {
            const decision = decider.decide(command, state, testContext({ ...baseContext, ...context }));
            return {
              then(expected: readonly Event[]): void {
                if (isRejection(decision)) throw new Error(`Expected events, but the command was rejected: ${decision.code}: ${decision.message}`);
                expect(decision).toEqual(expected);
              },
              thenNothingHappens(): void {
                expect(decision).toEqual([]);
              },
              thenRejects(code: string, expected: Partial<Omit<Rejection, 'code' | 'kind'>> = {}): Rejection {
                if (!isRejection(decision)) throw new Error(`Expected rejection ${code}, but the command produced ${JSON.stringify(decision)}`);
                expect(decision).toMatchObject({ code, ...expected });
                // Every refusal says why, and a field it names is a real one: callers show both.
                expect(decision.message.trim()).not.toBe('');
                if (decision.field !== undefined) expect(decision.field.trim()).not.toBe('');
                return decision;
              },
            };
          },
        };
      },
    };
  },
};
