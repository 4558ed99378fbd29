import { describe, expect, it } from '@jest/globals';
import type { RejectionCategory } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { Boundary } from '../shared/boundary.model';
import type { OrganisationCommand } from './organisation.commands';
import { organisationDecider } from './organisation.decider';
import type { OrganisationEvent } from './organisation.events';

const spec = DeciderSpecification.for(organisationDecider);
const ORG = 'org-1';
const T0 = '2026-01-05T09:00:00.000Z';
const NOW = new Date('2026-01-15T09:00:00.000Z');
const as = (reason?: string) => ({ actor: { id: 'user-lead', kind: 'user' as const }, now: NOW, ...(reason ? { reason } : {}) });

const limit = (boundaryId: string, amount: number): Boundary => ({
  boundaryId,
  kind: 'financial',
  title: `Limit ${boundaryId}`,
  limit: { amount, currency: 'EUR' },
  period: 'per-decision',
  decisionArea: null,
});
const created: OrganisationEvent = { type: 'OrganisationCreated', data: { organisationId: ORG, name: 'Zorggroep', createdBy: 'user-lead', createdAt: T0 } };
const unit = (unitId: string, parentUnitId: string | null = null): OrganisationEvent => ({
  type: 'UnitAdded',
  data: { organisationId: ORG, unitId, name: `Unit ${unitId}`, parentUnitId, addedBy: 'user-lead', addedAt: T0 },
});
const boundarySet = (unitId: string, boundary: Boundary): OrganisationEvent => ({
  type: 'UnitBoundarySet',
  data: { organisationId: ORG, unitId, boundary, previous: null, setBy: 'user-lead', setAt: T0, reason: 'budget' },
});
/** care → north → north-1, and care → south; care allows 10000 per decision, north 5000. */
const tree = [created, unit('care'), unit('north', 'care'), unit('north-1', 'north'), unit('south', 'care'), boundarySet('care', limit('b-care', 10000)), boundarySet('north', limit('b-north', 5000))];

const cmd = (type: string, data: Record<string, unknown>) => ({ type, data: { organisationId: ORG, ...data } }) as unknown as OrganisationCommand;

type Row = [what: string, command: OrganisationCommand, reason: string | undefined, code: string, category: RejectionCategory, field: string, says: string];

describe('organisation refusals: the code, the category (the HTTP status), the field and a message naming the value', () => {
  it.each<Row>([
    ['a second organisation in the stream', cmd('CreateOrganisation', { name: 'Again' }), undefined, 'ORGANISATION.ALREADY_EXISTS', 'conflict', 'organisationId', 'org-1'],
    ['a unit in another organisation', cmd('AddUnit', { organisationId: 'org-2', unitId: 'x', name: 'X' }), undefined, 'ORGANISATION.NOT_FOUND', 'not-found', 'organisationId', 'org-2'],
    ['a unit id with spaces around it', cmd('AddUnit', { unitId: ' x', name: 'X' }), undefined, 'UNIT.INVALID', 'invalid', 'unitId', 'The unit id'],
    ['a unit id that is taken', cmd('AddUnit', { unitId: 'care', name: 'Zorg' }), undefined, 'UNIT.ALREADY_EXISTS', 'conflict', 'unitId', 'care'],
    ['a unit without a name', cmd('AddUnit', { unitId: 'x', name: ' ' }), undefined, 'UNIT.NAME_INVALID', 'invalid', 'name', 'The unit name'],
    ['a unit under an unknown parent', cmd('AddUnit', { unitId: 'x', name: 'X', parentUnitId: 'nope' }), undefined, 'UNIT.PARENT_NOT_FOUND', 'not-found', 'parentUnitId', 'nope'],
    ['renaming in another organisation', cmd('RenameUnit', { organisationId: 'org-2', unitId: 'care', name: 'X' }), undefined, 'ORGANISATION.NOT_FOUND', 'not-found', 'organisationId', 'org-2'],
    ['renaming a malformed unit id', cmd('RenameUnit', { unitId: '', name: 'X' }), undefined, 'UNIT.INVALID', 'invalid', 'unitId', 'The unit id'],
    ['renaming an unknown unit', cmd('RenameUnit', { unitId: 'nope', name: 'X' }), undefined, 'UNIT.NOT_FOUND', 'not-found', 'unitId', 'nope'],
    ['renaming to nothing', cmd('RenameUnit', { unitId: 'care', name: '' }), undefined, 'UNIT.NAME_INVALID', 'invalid', 'name', 'The unit name'],
    ['moving in another organisation', cmd('MoveUnit', { organisationId: 'org-2', unitId: 'north', parentUnitId: 'south' }), 'x', 'ORGANISATION.NOT_FOUND', 'not-found', 'organisationId', 'org-2'],
    ['moving an unknown unit', cmd('MoveUnit', { unitId: 'nope', parentUnitId: 'south' }), 'x', 'UNIT.NOT_FOUND', 'not-found', 'unitId', 'nope'],
    ['moving under an unknown parent', cmd('MoveUnit', { unitId: 'north', parentUnitId: 'nope' }), 'x', 'UNIT.PARENT_NOT_FOUND', 'not-found', 'parentUnitId', 'nope'],
    ['moving without a reason', cmd('MoveUnit', { unitId: 'north', parentUnitId: 'south' }), undefined, 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'move a unit'],
    ['moving a unit below itself', cmd('MoveUnit', { unitId: 'care', parentUnitId: 'north-1' }), 'x', 'UNIT.CYCLE', 'invalid', 'parentUnitId', 'north-1'],
    ['a boundary in another organisation', cmd('SetUnitBoundary', { organisationId: 'org-2', unitId: 'south', boundary: limit('b-s', 10) }), 'x', 'ORGANISATION.NOT_FOUND', 'not-found', 'organisationId', 'org-2'],
    ['a boundary without a reason', cmd('SetUnitBoundary', { unitId: 'south', boundary: limit('b-s', 10) }), undefined, 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'change a boundary'],
    ['a boundary id another unit holds', cmd('SetUnitBoundary', { unitId: 'south', boundary: limit('b-north', 10) }), 'x', 'BOUNDARY.ID_TAKEN', 'conflict', 'boundary.boundaryId', 'north'],
    [
      'a boundary that changes its kind',
      cmd('SetUnitBoundary', { unitId: 'north', boundary: { boundaryId: 'b-north', kind: 'safety', title: 'x', description: 'y' } }),
      'x',
      'BOUNDARY.KIND_CHANGED',
      'invalid',
      'boundary.kind',
      'financial',
    ],
    ['a boundary wider than the parent’s', cmd('SetUnitBoundary', { unitId: 'north-1', boundary: limit('b-n1', 6000) }), 'x', 'BOUNDARY.WIDER_THAN_PARENT', 'forbidden', 'boundary.limit.amount', 'Limit b-north'],
    ['a contact in another organisation', cmd('NameUnitEscalationContact', { organisationId: 'org-2', unitId: 'care', contactId: 'user-carla' }), 'x', 'ORGANISATION.NOT_FOUND', 'not-found', 'organisationId', 'org-2'],
    ['a malformed contact', cmd('NameUnitEscalationContact', { unitId: 'care', contactId: ' user-carla' }), 'x', 'UNIT.CONTACT_INVALID', 'invalid', 'contactId', 'The escalation contact (a user id)'],
    ['a contact without a reason', cmd('NameUnitEscalationContact', { unitId: 'care', contactId: 'user-carla' }), undefined, 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'name the escalation contact of unit care'],
    ['removing in another organisation', cmd('RemoveUnitBoundary', { organisationId: 'org-2', unitId: 'north', boundaryId: 'b-north' }), 'x', 'ORGANISATION.NOT_FOUND', 'not-found', 'organisationId', 'org-2'],
    ['removing from an unknown unit', cmd('RemoveUnitBoundary', { unitId: 'nope', boundaryId: 'b-north' }), 'x', 'UNIT.NOT_FOUND', 'not-found', 'unitId', 'nope'],
    ['removing without a reason', cmd('RemoveUnitBoundary', { unitId: 'north', boundaryId: 'b-north' }), undefined, 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'change a boundary'],
    ['removing a malformed boundary id', cmd('RemoveUnitBoundary', { unitId: 'north', boundaryId: '' }), 'x', 'BOUNDARY.INVALID', 'invalid', 'boundaryId', 'The boundary id'],
    ['removing a boundary of another unit', cmd('RemoveUnitBoundary', { unitId: 'north', boundaryId: 'b-care' }), 'x', 'BOUNDARY.NOT_FOUND', 'not-found', 'boundaryId', 'b-care'],
    ['a review date in another organisation', cmd('SetUnitBoundaryReviewDate', { organisationId: 'org-2', unitId: 'north', boundaryId: 'b-north', reviewBy: '2026-06-01' }), 'x', 'ORGANISATION.NOT_FOUND', 'not-found', 'organisationId', 'org-2'],
    ['a review date on an unknown unit', cmd('SetUnitBoundaryReviewDate', { unitId: 'nope', boundaryId: 'b-north', reviewBy: '2026-06-01' }), 'x', 'UNIT.NOT_FOUND', 'not-found', 'unitId', 'nope'],
    ['a review date on a malformed boundary id', cmd('SetUnitBoundaryReviewDate', { unitId: 'north', boundaryId: ' b-north', reviewBy: '2026-06-01' }), 'x', 'BOUNDARY.INVALID', 'invalid', 'boundaryId', 'The boundary id'],
    ['a review date on a boundary of another unit', cmd('SetUnitBoundaryReviewDate', { unitId: 'north', boundaryId: 'b-care', reviewBy: '2026-06-01' }), 'x', 'BOUNDARY.NOT_FOUND', 'not-found', 'boundaryId', 'b-care'],
    ['a review date that does not exist', cmd('SetUnitBoundaryReviewDate', { unitId: 'north', boundaryId: 'b-north', reviewBy: '2026-02-30' }), 'x', 'REVIEW.DATE_INVALID', 'invalid', 'reviewBy', 'YYYY-MM-DD'],
    ['a review date yesterday', cmd('SetUnitBoundaryReviewDate', { unitId: 'north', boundaryId: 'b-north', reviewBy: '2026-01-14' }), 'x', 'REVIEW.DATE_INVALID', 'invalid', 'reviewBy', 'today or later'],
    ['a review date without a reason', cmd('SetUnitBoundaryReviewDate', { unitId: 'north', boundaryId: 'b-north', reviewBy: '2026-06-01' }), undefined, 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'set a review date'],
    ['a review of a boundary of another unit', cmd('ReviewUnitBoundary', { unitId: 'north', boundaryId: 'b-care', outcome: 'kept' }), 'x', 'BOUNDARY.NOT_FOUND', 'not-found', 'boundaryId', 'b-care'],
    ['a review with an unknown outcome', cmd('ReviewUnitBoundary', { unitId: 'north', boundaryId: 'b-north', outcome: 'lost' }), 'x', 'REVIEW.OUTCOME_INVALID', 'invalid', 'outcome', 'kept, changed, dropped'],
    ['a next review in the past', cmd('ReviewUnitBoundary', { unitId: 'north', boundaryId: 'b-north', outcome: 'kept', nextReviewBy: '2026-01-14' }), 'x', 'REVIEW.DATE_INVALID', 'invalid', 'nextReviewBy', 'today or later'],
    ['a next review of something dropped', cmd('ReviewUnitBoundary', { unitId: 'north', boundaryId: 'b-north', outcome: 'dropped', nextReviewBy: '2026-06-01' }), 'x', 'REVIEW.DATE_INVALID', 'invalid', 'nextReviewBy', 'dropped'],
    ['a review without a reason', cmd('ReviewUnitBoundary', { unitId: 'north', boundaryId: 'b-north', outcome: 'kept' }), undefined, 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'record a review'],
    ['a change without the new boundary', cmd('ReviewUnitBoundary', { unitId: 'north', boundaryId: 'b-north', outcome: 'changed', boundary: null }), 'x', 'REVIEW.CHANGE_MISSING', 'invalid', 'boundary', 'new boundary'],
    ['a change wider than the parent’s', cmd('ReviewUnitBoundary', { unitId: 'north', boundaryId: 'b-north', outcome: 'changed', boundary: limit('b-north', 12000) }), 'x', 'BOUNDARY.WIDER_THAN_PARENT', 'forbidden', 'boundary.limit.amount', 'Limit b-care'],
    ['a change to the current value', cmd('ReviewUnitBoundary', { unitId: 'north', boundaryId: 'b-north', outcome: 'changed', boundary: limit('b-north', 5000) }), 'x', 'REVIEW.NO_CHANGE', 'invalid', 'boundary', 'b-north'],
  ])('refuses %s', (_what, command, reason, code, category, field, says) => {
    spec.given(tree).when(command, as(reason)).thenRejects(code, { category, field, message: expect.stringContaining(says) as never });
  });

  it.each<Row>([
    ['an organisation id with spaces around it', cmd('CreateOrganisation', { organisationId: 'org-1 ', name: 'Zorggroep' }), undefined, 'ORGANISATION.ID_INVALID', 'invalid', 'organisationId', 'The organisation id'],
    ['an organisation without a name', cmd('CreateOrganisation', { name: '' }), undefined, 'ORGANISATION.NAME_INVALID', 'invalid', 'name', 'The organisation name'],
    ['a unit before the organisation exists', cmd('AddUnit', { unitId: 'care', name: 'Zorg' }), undefined, 'ORGANISATION.NOT_FOUND', 'not-found', 'organisationId', 'org-1'],
  ])('refuses %s in an empty stream', (_what, command, reason, code, category, field, says) => {
    spec.given([]).when(command, as(reason)).thenRejects(code, { category, field, message: expect.stringContaining(says) as never });
  });
});

describe('widening refusals list every violated ancestor boundary, each in the message and in the details', () => {
  it('a boundary set on a unit', () => {
    const careAlso8000 = [...tree, boundarySet('care', limit('b-care2', 8000))];
    const rejection = spec.given(careAlso8000).when(cmd('SetUnitBoundary', { unitId: 'north-1', boundary: limit('b-n1', 9000) }), as('x')).thenRejects('BOUNDARY.WIDER_THAN_PARENT');
    expect(rejection.message).toBe(
      "A unit's boundary may be narrower than its parent's, never wider. " +
        'Limit b-n1 allows EUR 9000 per decision, more than Limit b-care2 allows (EUR 8000 per decision). ' +
        'Limit b-n1 allows EUR 9000 per decision, more than Limit b-north allows (EUR 5000 per decision).',
    );
    expect(rejection.details).toEqual({
      violations: [
        expect.objectContaining({ boundaryId: 'b-n1', constraintId: 'b-care2', problem: 'amount-above-limit' }),
        expect.objectContaining({ boundaryId: 'b-n1', constraintId: 'b-north', problem: 'amount-above-limit' }),
      ],
    });
  });

  it('a unit moved under a narrower parent', () => {
    const southTwoLimits = [...tree, boundarySet('south', limit('b-s1', 1000)), boundarySet('south', limit('b-s2', 2000))];
    const rejection = spec
      .given(southTwoLimits)
      .when(cmd('MoveUnit', { unitId: 'north', parentUnitId: 'south' }), as('x'))
      .thenRejects('BOUNDARY.WIDER_THAN_PARENT', { category: 'forbidden', field: 'parentUnitId' });
    expect(rejection.message).toBe(
      'Boundaries below north would be wider than their new parent allows: ' +
        'Limit b-north allows EUR 5000 per decision, more than Limit b-s1 allows (EUR 1000 per decision). ' +
        'Limit b-north allows EUR 5000 per decision, more than Limit b-s2 allows (EUR 2000 per decision).',
    );
    expect(rejection.details).toEqual({
      violations: [expect.objectContaining({ boundaryId: 'b-north', constraintId: 'b-s1' }), expect.objectContaining({ boundaryId: 'b-north', constraintId: 'b-s2' })],
    });
  });
});
