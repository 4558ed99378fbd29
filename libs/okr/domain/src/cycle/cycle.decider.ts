import type { Decider } from '@leerzone/kernel';
import { assertNever, aggregateStreamId } from '@leerzone/kernel';
import type { CycleCommand } from './cycle.commands';
import type { CycleEvent } from './cycle.events';
import type { CycleState } from './cycle.state';
import { evolveCycle, initialCycleState } from './cycle.state';
import { closeCycle, planCycle, startCycle, startGrading } from './lifecycle.rules';
import { recordRetrospective } from './retrospective.rules';

export const cycleStreamId = (tenantId: string, cycleId: string): string => aggregateStreamId('okr-cycle-', tenantId, cycleId);

/**
 * One cycle, one stream (within its tenant): its phase and dates, and the retrospectives
 * that open it. Objectives live in streams of their own so teams never contend for the
 * cycle's stream while they check in; they receive the cycle's facts as a lookup.
 */
export const cycleDecider: Decider<CycleCommand, CycleEvent, CycleState> = {
  initialState: initialCycleState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'PlanCycle':
        return planCycle(command, state, ctx);
      case 'StartCycle':
        return startCycle(command, state, ctx);
      case 'StartGrading':
        return startGrading(command, state, ctx);
      case 'CloseCycle':
        return closeCycle(command, state, ctx);
      case 'RecordRetrospective':
        return recordRetrospective(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveCycle,
};
