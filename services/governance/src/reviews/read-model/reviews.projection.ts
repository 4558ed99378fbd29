import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { OrganisationEvent, ReviewSubject, TeamEvent } from '@leerzone/governance-domain';

export const REVIEWS_PROJECTION = 'governance.reviews';

/** One reviewable agreement: a team's own boundary, active principle or delegated area; or a unit's boundary (teamId null). */
export interface ReviewableDocument {
  _id: string;
  tenantId: string;
  teamId: string | null;
  /** For a unit's boundary: the unit and its organisation. */
  unitId?: string | null;
  organisationId?: string | null;
  kind: ReviewSubject['kind'];
  subjectId: string;
  title: string;
  /** A boundary set by consent carries its proposal. */
  proposalId: string | null;
  /** YYYY-MM-DD, or null for no review date. */
  reviewBy: string | null;
  lastReview: { outcome: string; by: string; at: string; reason: string } | null;
  [key: string]: unknown;
}

const HANDLED = [
  'TeamBoundarySet',
  'TeamBoundaryRemoved',
  'PrincipleAdopted',
  'PrincipleRevised',
  'PrincipleRetired',
  'DelegationLevelChanged',
  'ReviewDateSet',
  'AgreementReviewed',
  'UnitBoundarySet',
  'UnitBoundaryRemoved',
  'UnitBoundaryReviewDateSet',
  'UnitBoundaryReviewed',
] as const;
type Handled = Extract<TeamEvent | OrganisationEvent, { type: (typeof HANDLED)[number] }>;

export const unitReviewableDocumentId = (tenantId: string, organisationId: string, unitId: string, boundaryId: string) => `${tenantId}/unit/${organisationId}/${unitId}/${boundaryId}`;

export const reviewableDocumentId = (tenantId: string, teamId: string, kind: ReviewSubject['kind'], id: string) => `${tenantId}/${teamId}/${kind}/${id}`;

export const reviewsProjection = defineProjection({
  name: REVIEWS_PROJECTION,
  // 2: unit boundaries. 3: `_id`s start with the tenant.
  version: 3,
  collections: { reviewables: { indexes: [{ keys: { tenantId: 1, reviewBy: 1 } }, { keys: { tenantId: 1, teamId: 1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const tenantId = stored.tenantId;
    const docs = write.collection('reviewables');
    if ('organisationId' in event.data) {
      const unitEvent = event as Extract<Handled, { type: `Unit${string}` }>;
      const { organisationId, unitId } = unitEvent.data;
      switch (unitEvent.type) {
        case 'UnitBoundarySet': {
          const { boundary } = unitEvent.data;
          return docs.upsert(unitReviewableDocumentId(tenantId, organisationId, unitId, boundary.boundaryId), {
            $set: { tenantId, teamId: null, unitId, organisationId, kind: 'boundary', subjectId: boundary.boundaryId, title: boundary.title, proposalId: null },
            $setOnInsert: { reviewBy: null, lastReview: null },
          });
        }
        case 'UnitBoundaryRemoved':
          return docs.delete(unitReviewableDocumentId(tenantId, organisationId, unitId, unitEvent.data.boundaryId));
        case 'UnitBoundaryReviewDateSet':
          return docs.update(unitReviewableDocumentId(tenantId, organisationId, unitId, unitEvent.data.boundaryId), { $set: { reviewBy: unitEvent.data.reviewBy } });
        case 'UnitBoundaryReviewed': {
          const { boundaryId, outcome, nextReviewBy, reviewedBy, reviewedAt, reason } = unitEvent.data;
          const id = unitReviewableDocumentId(tenantId, organisationId, unitId, boundaryId);
          if (outcome === 'dropped') return docs.delete(id);
          return docs.update(id, { $set: { reviewBy: nextReviewBy, lastReview: { outcome, by: reviewedBy, at: reviewedAt, reason } } });
        }
      }
      return;
    }
    const teamEvent = event as Exclude<Handled, { type: `Unit${string}` }>;
    const teamId = teamEvent.data.teamId;
    const base = (kind: ReviewSubject['kind'], subjectId: string) => ({ tenantId, teamId, kind, subjectId });
    switch (teamEvent.type) {
      case 'TeamBoundarySet': {
        const { boundary, proposalId } = teamEvent.data;
        return docs.upsert(reviewableDocumentId(tenantId, teamId, 'boundary', boundary.boundaryId), {
          $set: { ...base('boundary', boundary.boundaryId), title: boundary.title, proposalId },
          $setOnInsert: { reviewBy: null, lastReview: null },
        });
      }
      case 'TeamBoundaryRemoved':
        return docs.delete(reviewableDocumentId(tenantId, teamId, 'boundary', teamEvent.data.boundaryId));
      case 'PrincipleAdopted':
        return docs.put(reviewableDocumentId(tenantId, teamId, 'principle', teamEvent.data.principleId), { ...base('principle', teamEvent.data.principleId), title: teamEvent.data.rule, proposalId: null, reviewBy: null, lastReview: null });
      case 'PrincipleRevised':
        return docs.update(reviewableDocumentId(tenantId, teamId, 'principle', teamEvent.data.principleId), { $set: { title: teamEvent.data.rule } });
      case 'PrincipleRetired':
        return docs.delete(reviewableDocumentId(tenantId, teamId, 'principle', teamEvent.data.principleId));
      case 'DelegationLevelChanged':
        return docs.upsert(reviewableDocumentId(tenantId, teamId, 'delegation', teamEvent.data.area), {
          $set: { ...base('delegation', teamEvent.data.area), title: `${teamEvent.data.area}: level ${teamEvent.data.level}`, proposalId: null, reviewBy: teamEvent.data.reviewBy },
          $setOnInsert: { lastReview: null },
        });
      case 'ReviewDateSet': {
        const { subject, reviewBy } = teamEvent.data;
        return docs.update(reviewableDocumentId(tenantId, teamId, subject.kind, subject.id), { $set: { reviewBy } });
      }
      case 'AgreementReviewed': {
        const { subject, outcome, nextReviewBy, reviewedBy, reviewedAt, reason } = teamEvent.data;
        const id = reviewableDocumentId(tenantId, teamId, subject.kind, subject.id);
        if (outcome === 'dropped') return docs.delete(id);
        return docs.update(id, { $set: { reviewBy: nextReviewBy, lastReview: { outcome, by: reviewedBy, at: reviewedAt, reason } } });
      }
    }
  },
});
