import { Inject, Injectable } from '@nestjs/common';
import { openPersonalData, type PersonalDataVault } from '@leerzone/kernel';
import { PERSONAL_DATA_VAULT, ProblemException, ProjectionsHost, type Principal } from '@leerzone/nest-platform';
import { boardLevelName, canSeeTaskMaturity } from '@leerzone/assessment-domain';
import { TeamAccess } from '../../shared/team-access';
import { sealedNote, TASK_MATURITY_PROJECTION, type StoredMaturityAssessment, type TaskMaturityDocument } from '../read-model/task-maturity.projection';

/** Task maturity reads: the member their own, the team's coach their team's, nobody else (canSeeTaskMaturity). */
@Injectable()
export class MaturityViews {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly access: TeamAccess,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  get tasks() {
    return this.projections.readModels.collection<TaskMaturityDocument>(TASK_MATURITY_PROJECTION, 'tasks');
  }

  /** Refuses with the same answer whether or not anything is recorded, so a refusal reveals nothing. */
  async requireVisible(principal: Principal, teamId: string, memberId: string): Promise<void> {
    const viewer = { userId: principal.userId, coachOfTeamIds: await this.access.coachOf(principal) };
    if (!canSeeTaskMaturity(viewer, { teamId, memberId })) {
      throw ProblemException.of(403, 'MATURITY.NOT_VISIBLE', "Task maturity is visible to the member and their team's coach only.", { field: 'memberId' });
    }
  }

  async view(doc: TaskMaturityDocument, withHistory: boolean) {
    const { _id, tenantId: _tenant, history, current, ...task } = doc;
    const describe = async (a: StoredMaturityAssessment) => ({
      ...a,
      note: await openPersonalData(sealedNote(a.note), this.vault),
      suggestedDelegationLevelName: boardLevelName(a.suggestedDelegationLevel),
    });
    return { ...task, current: await describe(current), ...(withHistory ? { history: await Promise.all(history.map(describe)) } : {}) };
  }
}
