import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { TeamEvent, TeamRole } from '@leerzone/governance-domain';

export const TEAM_MEMBERS_PROJECTION = 'governance.team-members';

export interface TeamMemberDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  memberId: string;
  roles: TeamRole[];
  addedBy: string;
  addedAt: string;
  /** The yes of this membership; null until given, again null once withdrawn. */
  yesGivenAt: string | null;
  order: number;
  [key: string]: unknown;
}

const HANDLED = ['MemberAdded', 'MemberRolesChanged', 'MemberRemoved', 'YesGiven', 'YesWithdrawn'] as const;
type Handled = Extract<TeamEvent, { type: (typeof HANDLED)[number] }>;

export const memberDocumentId = (tenantId: string, teamId: string, memberId: string) => `${tenantId}/${teamId}/${memberId}`;

export const teamMembersProjection = defineProjection({
  name: TEAM_MEMBERS_PROJECTION,
  // 2: `_id`s start with the tenant.
  version: 2,
  collections: { members: { indexes: [{ keys: { tenantId: 1, teamId: 1, order: 1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const members = write.collection('members');
    const id = memberDocumentId(stored.tenantId, event.data.teamId, event.data.memberId);
    switch (event.type) {
      case 'MemberAdded': {
        const { teamId, memberId, roles, addedBy, addedAt } = event.data;
        return members.put(id, { tenantId: stored.tenantId, teamId, memberId, roles: [...roles], addedBy, addedAt, yesGivenAt: null, order: stored.globalPosition });
      }
      case 'MemberRolesChanged':
        return members.update(id, { $set: { roles: event.data.roles } });
      // The yes ends with the membership; the history keeps both.
      case 'MemberRemoved':
        return members.delete(id);
      case 'YesGiven':
        return members.update(id, { $set: { yesGivenAt: event.data.givenAt } });
      case 'YesWithdrawn':
        return members.update(id, { $set: { yesGivenAt: null } });
    }
  },
});
