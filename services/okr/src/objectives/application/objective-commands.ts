import { Injectable } from '@nestjs/common';
import { isRejection, reject, type Rejection } from '@leerzone/kernel';
import { objectiveDecider, objectiveStreamId, type CheckInRelation, type CycleFacts, type ObjectiveCommand, type ObjectiveEvent, type ObjectiveState } from '@leerzone/okr-domain';
import { ServiceCommands, type CommandResult, type WriteRequest } from '@leerzone/service-kit';
import { CycleLookup } from '../../shared/cycle-lookup';
import { OkrAccess, type ObjectiveAccessRule } from '../../shared/okr-access';

export const objectiveNotFound = (objectiveId: string, field = 'objectiveId'): Rejection =>
  reject('not-found', 'OKR.OBJECTIVE_NOT_FOUND', `There is no objective ${objectiveId}.`, { field });

export interface ObjectiveFacts {
  readonly state: ObjectiveState;
  readonly cycle: CycleFacts;
  /** How the caller stands to the objective's owner, from the team directory. */
  readonly relation: CheckInRelation;
}

export interface ObjectiveCommandSpec {
  readonly access: ObjectiveAccessRule;
  /** Completes "Only … can <what>" in a refusal. */
  readonly what: string;
  readonly reason?: string | undefined;
  readonly commandType: ObjectiveCommand['type'];
  readonly build: (facts: ObjectiveFacts) => ObjectiveCommand | Rejection | Promise<ObjectiveCommand | Rejection>;
}

/**
 * Runs a command on an existing objective's stream. Once per attempt, on the state just
 * read: the objective must exist (in the caller's tenant), the caller must stand in the
 * right relation to its owner, and the cycle's facts are read from the cycle's stream —
 * so the objective stream is read once and a membership removed in governance counts at once.
 */
@Injectable()
export class ObjectiveCommands {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly cycles: CycleLookup,
    private readonly access: OkrAccess,
  ) {}

  run(write: WriteRequest, objectiveId: string, spec: ObjectiveCommandSpec): Promise<CommandResult<ObjectiveEvent, ObjectiveState>> {
    const ctx = write.context(spec.reason);
    const principal = write.principal;
    return this.commands.run(objectiveDecider, objectiveStreamId(ctx.tenantId, objectiveId), null, ctx, {
      ifMatch: write.ifMatch,
      commandType: spec.commandType,
      lookup: async (state) => {
        if (!state.exists) return objectiveNotFound(objectiveId);
        const relation = await this.access.relationTo(principal, state.owner!);
        const refused = this.access.check(spec.access, principal, state.owner!, relation, spec.what);
        if (refused) return refused;
        const cycle = await this.cycles.facts(ctx.tenantId, state.cycleId!);
        if (isRejection(cycle)) return cycle;
        return spec.build({ state, cycle, relation });
      },
    });
  }
}
