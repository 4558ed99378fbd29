import { z } from 'zod';
import { EntityId, RootId, Slug } from '../shared/governance-fields';

export const TeamIdParam = z.strictObject({ teamId: RootId });
export const TeamMemberParams = z.strictObject({ teamId: RootId, memberId: EntityId });
export const TeamBoundaryParams = z.strictObject({ teamId: RootId, boundaryId: EntityId });
export const TeamProposalParams = z.strictObject({ teamId: RootId, proposalId: EntityId });
export const TeamAreaParams = z.strictObject({ teamId: RootId, area: Slug });
export const TeamDecisionParams = z.strictObject({ teamId: RootId, decisionId: EntityId });
export const TeamPrincipleParams = z.strictObject({ teamId: RootId, principleId: EntityId });
