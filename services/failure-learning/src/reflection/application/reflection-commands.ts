import { Injectable } from '@nestjs/common';
import type { Rejection } from '@leerzone/kernel';
import { reflectionDecider, reflectionStreamId, type ReflectionCommand, type ReflectionState } from '@leerzone/failure-learning-domain';
import { ServiceCommands, type WriteRequest } from '@leerzone/service-kit';
import { TeamAccess } from '../../shared/access';

/** Commands on a team's reflection stream; who may act is checked per attempt against the team directory. */
@Injectable()
export class ReflectionCommands {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly access: TeamAccess,
  ) {}

  run(write: WriteRequest, teamId: string, needs: 'team' | 'coach', what: string, command: (state: ReflectionState) => Promise<ReflectionCommand | Rejection> | ReflectionCommand) {
    return this.commands.run(reflectionDecider, reflectionStreamId(write.principal.tenantId, teamId), null, write.context(), {
      ifMatch: write.ifMatch,
      lookup: async (state) => (await this.access.check(write.principal, teamId, needs, what)) ?? command(state),
    });
  }
}
