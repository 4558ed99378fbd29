import { Injectable } from '@nestjs/common';
import { reject, type Rejection } from '@leerzone/kernel';
import { ProblemException, type Principal } from '@leerzone/nest-platform';
import {
  CONFIDENTIAL_OFFICER_ROLE,
  confidentialCaseDecider,
  confidentialCaseStreamId,
  isRefusedCaseAttempt,
  type ConfidentialCaseCommand,
  type ConfidentialCaseEvent,
  type ConfidentialCaseState,
} from '@leerzone/failure-learning-domain';
import { ServiceCommands, type CommandResult, type WriteRequest } from '@leerzone/service-kit';

/** The one answer for a case the caller may not see and a case that does not exist: they must not be told apart. */
export const caseNotFound = (caseId: string): Rejection => reject('not-found', 'CASE.NOT_FOUND', `There is no case ${caseId}.`, { field: 'caseId' });

export const isOfficer = (principal: Principal): boolean => principal.roles.includes(CONFIDENTIAL_OFFICER_ROLE as Principal['roles'][number]);

/**
 * Commands on a confidential case. The roles come from the verified token, never from a body.
 * A refused attempt is an event the decider returns: it is appended (so auditors see it) and
 * then answered exactly like a missing case.
 */
@Injectable()
export class CaseCommands {
  constructor(private readonly commands: ServiceCommands) {}

  async run(write: WriteRequest, caseId: string, command: (actorRoles: readonly string[]) => ConfidentialCaseCommand, reason?: string): Promise<CommandResult<ConfidentialCaseEvent, ConfidentialCaseState>> {
    const result = await this.commands.run(confidentialCaseDecider, confidentialCaseStreamId(write.principal.tenantId, caseId), command([...write.principal.roles]), write.context(reason), { ifMatch: write.ifMatch });
    if (isRefusedCaseAttempt(result.events.map((e) => ({ type: e.type, data: e.data }) as ConfidentialCaseEvent))) throw ProblemException.fromRejection(caseNotFound(caseId));
    return result;
  }
}
