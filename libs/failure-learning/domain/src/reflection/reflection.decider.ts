import type { Decider } from '@leerzone/kernel';
import { assertNever, aggregateStreamId } from '@leerzone/kernel';
import type { ReflectionCommand } from './reflection.commands';
import type { ReflectionEvent } from './reflection.events';
import { completeReflectionReview, setReflectionCadence, startReflectionReview } from './reflection.rules';
import type { ReflectionState } from './reflection.state';
import { evolveReflection, initialReflectionState } from './reflection.state';

export const REFLECTION_STREAM_PREFIX = 'failure-learning-reflection-';
export const reflectionStreamId = (tenantId: string, teamId: string): string => aggregateStreamId(REFLECTION_STREAM_PREFIX, tenantId, teamId);

/** One team's fixed moments to reflect ("forward failing"): its cadence and its reviews, one open at a time. */
export const reflectionDecider: Decider<ReflectionCommand, ReflectionEvent, ReflectionState> = {
  initialState: initialReflectionState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'SetReflectionCadence':
        return setReflectionCadence(command, state, ctx);
      case 'StartReflectionReview':
        return startReflectionReview(command, state, ctx);
      case 'CompleteReflectionReview':
        return completeReflectionReview(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveReflection,
};
