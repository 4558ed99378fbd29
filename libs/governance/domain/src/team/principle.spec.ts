import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, because, NOW, T0, TEAM, teamCreated } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const honest = 'I am always honest, even when the truth is uncomfortable';
const adopted: TeamEvent = { type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-1', rule: honest, value: 'Integrity', adoptedBy: ANNA, adoptedAt: T0 } };

describe('principles', () => {
  it('adopts a concrete rule linked to the value it expresses', () => {
    spec
      .given([teamCreated()])
      .when({ type: 'AdoptPrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule: honest, value: 'Integrity' } }, as(ANNA))
      .then([{ ...adopted, data: { ...adopted.data, adoptedAt: now } } as TeamEvent]);
  });

  it('refuses a "rule" that only restates a value', () => {
    spec.given([teamCreated()]).when({ type: 'AdoptPrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule: 'Integrity!', value: 'integrity' } }).thenRejects('PRINCIPLE.NOT_CONCRETE', { field: 'rule' });
    spec.given([teamCreated()]).when({ type: 'AdoptPrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule: 'Be honest', value: 'Integrity' } }).thenRejects('PRINCIPLE.NOT_CONCRETE');
  });

  it('requires a rule and a value, and a new id', () => {
    spec.given([teamCreated()]).when({ type: 'AdoptPrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule: '', value: 'Integrity' } }).thenRejects('PRINCIPLE.RULE_INVALID', { field: 'rule' });
    spec.given([teamCreated()]).when({ type: 'AdoptPrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule: honest, value: '' } }).thenRejects('PRINCIPLE.VALUE_INVALID', { field: 'value' });
    spec.given([teamCreated(), adopted]).when({ type: 'AdoptPrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule: honest, value: 'Integrity' } }).thenRejects('PRINCIPLE.ALREADY_EXISTS', { category: 'conflict' });
  });

  it('revises a principle with a reason, keeping the previous wording', () => {
    const rule = 'I say what went wrong before anyone has to ask';
    spec
      .given([teamCreated(), adopted])
      .when({ type: 'RevisePrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule, value: 'Integrity' } }, because('sharper after retro', ANNA))
      .then([
        {
          type: 'PrincipleRevised',
          data: { teamId: TEAM, principleId: 'pr-1', previousRule: honest, previousValue: 'Integrity', rule, value: 'Integrity', revisedBy: ANNA, revisedAt: now, reason: 'sharper after retro' },
        },
      ]);
    spec.given([teamCreated(), adopted]).when({ type: 'RevisePrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule, value: 'Integrity' } }, as(ANNA)).thenRejects('GOVERNANCE.REASON_REQUIRED');
    spec.given([teamCreated(), adopted]).when({ type: 'RevisePrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule: honest, value: 'Integrity' } }, because('x')).thenNothingHappens();
  });

  it('retires a principle with a reason; a retired principle cannot be revised', () => {
    const retired: TeamEvent = { type: 'PrincipleRetired', data: { teamId: TEAM, principleId: 'pr-1', retiredBy: ANNA, retiredAt: now, reason: 'merged into pr-2' } };
    spec.given([teamCreated(), adopted]).when({ type: 'RetirePrinciple', data: { teamId: TEAM, principleId: 'pr-1' } }, because('merged into pr-2', ANNA)).then([retired]);
    spec.given([teamCreated(), adopted]).when({ type: 'RetirePrinciple', data: { teamId: TEAM, principleId: 'pr-1' } }, as(ANNA)).thenRejects('GOVERNANCE.REASON_REQUIRED');
    spec.given([teamCreated(), adopted, retired]).when({ type: 'RevisePrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule: honest, value: 'Truth' } }, because('x')).thenRejects('PRINCIPLE.NOT_FOUND', { category: 'not-found' });
    spec.given([teamCreated()]).when({ type: 'RetirePrinciple', data: { teamId: TEAM, principleId: 'pr-9' } }, because('x')).thenRejects('PRINCIPLE.NOT_FOUND');
  });
});
