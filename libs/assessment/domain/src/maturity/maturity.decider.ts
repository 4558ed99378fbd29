import type { Decider } from '@leerzone/kernel';
import { assertNever, aggregateStreamId } from '@leerzone/kernel';
import type { MaturityCommand } from './maturity.commands';
import type { MaturityEvent } from './maturity.events';
import { recordTaskMaturity, retireTask } from './maturity.rules';
import type { MaturityState } from './maturity.state';
import { evolveMaturity, initialMaturityState } from './maturity.state';

/** One member in one team, every task with its history. */
export const maturityStreamId = (tenantId: string, teamId: string, memberId: string): string => aggregateStreamId('assessment-maturity-', tenantId, `${teamId}-${memberId}`);

export const maturityDecider: Decider<MaturityCommand, MaturityEvent, MaturityState> = {
  initialState: initialMaturityState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'RecordTaskMaturity':
        return recordTaskMaturity(command, state, ctx);
      case 'RetireTask':
        return retireTask(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveMaturity,
};
