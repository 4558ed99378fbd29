import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { ReviewSubject, TeamEvent } from '@leerzone/governance-domain';

export const REVIEWS_PROJECTION = 'governance.reviews';

/** One reviewable agreement of a team: a boundary of its own, an active principle, a delegated area. */
export interface ReviewableDocument {
  _id: string;
  tenantId: string;
  teamId: string;
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

const HANDLED = ['TeamBoundarySet', 'TeamBoundaryRemoved', 'PrincipleAdopted', 'PrincipleRevised', 'PrincipleRetired', 'DelegationLevelChanged', 'ReviewDateSet', 'AgreementReviewed'] as const;
type Handled = Extract<TeamEvent, { type: (typeof HANDLED)[number] }>;

export const reviewableDocumentId = (teamId: string, kind: ReviewSubject['kind'], id: string) => `${teamId}/${kind}/${id}`;

export const reviewsProjection = defineProjection({
  name: REVIEWS_PROJECTION,
  version: 1,
  collections: { reviewables: { indexes: [{ keys: { tenantId: 1, reviewBy: 1 } }, { keys: { tenantId: 1, teamId: 1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const tenantId = stored.tenantId;
    const teamId = event.data.teamId;
    const docs = write.collection('reviewables');
    const base = (kind: ReviewSubject['kind'], subjectId: string) => ({ tenantId, teamId, kind, subjectId });
    switch (event.type) {
      case 'TeamBoundarySet': {
        const { boundary, proposalId } = event.data;
        return docs.upsert(reviewableDocumentId(teamId, 'boundary', boundary.boundaryId), {
          $set: { ...base('boundary', boundary.boundaryId), title: boundary.title, proposalId },
          $setOnInsert: { reviewBy: null, lastReview: null },
        });
      }
      case 'TeamBoundaryRemoved':
        return docs.delete(reviewableDocumentId(teamId, 'boundary', event.data.boundaryId));
      case 'PrincipleAdopted':
        return docs.put(reviewableDocumentId(teamId, 'principle', event.data.principleId), { ...base('principle', event.data.principleId), title: event.data.rule, proposalId: null, reviewBy: null, lastReview: null });
      case 'PrincipleRevised':
        return docs.update(reviewableDocumentId(teamId, 'principle', event.data.principleId), { $set: { title: event.data.rule } });
      case 'PrincipleRetired':
        return docs.delete(reviewableDocumentId(teamId, 'principle', event.data.principleId));
      case 'DelegationLevelChanged':
        return docs.upsert(reviewableDocumentId(teamId, 'delegation', event.data.area), {
          $set: { ...base('delegation', event.data.area), title: `${event.data.area}: level ${event.data.level}`, proposalId: null, reviewBy: event.data.reviewBy },
          $setOnInsert: { lastReview: null },
        });
      case 'ReviewDateSet': {
        const { subject, reviewBy } = event.data;
        return docs.update(reviewableDocumentId(teamId, subject.kind, subject.id), { $set: { reviewBy } });
      }
      case 'AgreementReviewed': {
        const { subject, outcome, nextReviewBy, reviewedBy, reviewedAt, reason } = event.data;
        const id = reviewableDocumentId(teamId, subject.kind, subject.id);
        if (outcome === 'dropped') return docs.delete(id);
        return docs.update(id, { $set: { reviewBy: nextReviewBy, lastReview: { outcome, by: reviewedBy, at: reviewedAt, reason } } });
      }
    }
  },
});
