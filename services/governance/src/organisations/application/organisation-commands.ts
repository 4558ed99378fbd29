import { Injectable } from '@nestjs/common';
import { reject } from '@leerzone/kernel';
import { organisationDecider, organisationStreamId, type OrganisationCommand, type OrganisationEvent, type OrganisationState } from '@leerzone/governance-domain';
import { type CommandResult, ServiceCommands, type WriteRequest } from '@leerzone/service-kit';

/** Runs a command on an organisation's stream (roles are checked by the route). */
@Injectable()
export class OrganisationCommands {
  constructor(private readonly commands: ServiceCommands) {}

  run(write: WriteRequest, organisationId: string, command: OrganisationCommand, reason?: string): Promise<CommandResult<OrganisationEvent, OrganisationState>> {
    const isCreate = command.type === 'CreateOrganisation';
    return this.commands.run(organisationDecider, organisationStreamId(write.principal.tenantId, organisationId), command, write.context(reason), {
      ifMatch: write.ifMatch,
      // 404 before 412: an If-Match on an organisation that does not exist is about the wrong id.
      guard: ({ state }) =>
        !isCreate && !state.exists ? reject('not-found', 'ORGANISATION.NOT_FOUND', `There is no organisation ${organisationId}.`, { field: 'organisationId' }) : null,
    });
  }
}
