import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, because, NOW, T0, TEAM, teamCreated } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const honest = 'I am always honest, even when the truth is uncomfortable';
const adopted: TeamEvent = { type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-1', rule: honest, value: 'Integrity', adoptedBy: ANNA, adoptedAt: T0 } };
const retired: TeamEvent = { type: 'PrincipleRetired', data: { teamId: TEAM, principleId: 'pr-1', retiredBy: ANNA, retiredAt: T0, reason: 'merged' } };
const adopt = (data: Record<string, unknown>) => ({ type: 'AdoptPrinciple', data: { teamId: TEAM, principleId: 'pr-2', rule: honest, value: 'Integrity', ...data } }) as never;
const revise = (data: Record<string, unknown>) => ({ type: 'RevisePrinciple', data: { teamId: TEAM, principleId: 'pr-1', rule: honest, value: 'Integrity', ...data } }) as never;
const notConcrete = (rule: string) =>
  `"${rule}" reads like a value, not a rule to live by; say what you do, e.g. "I am always honest, even when the truth is uncomfortable".`;

describe('AdoptPrinciple refusals', () => {
  it.each([
    ['principleId', 'PRINCIPLE.INVALID', { principleId: '' }, 'The principle id must be a non-empty id without surrounding spaces, at most 128 characters.'],
    ['rule', 'PRINCIPLE.RULE_INVALID', { rule: '   ' }, 'The rule must not be empty.'],
    ['rule', 'PRINCIPLE.RULE_INVALID', { rule: 'r'.repeat(501) }, 'The rule may be at most 500 characters (got 501).'],
    ['value', 'PRINCIPLE.VALUE_INVALID', { value: undefined }, 'The value must not be empty.'],
    ['value', 'PRINCIPLE.VALUE_INVALID', { value: 'v'.repeat(81) }, 'The value may be at most 80 characters (got 81).'],
  ])('refuses a bad %s (%s) as invalid, saying what is wrong', (field, code, data, message) => {
    spec.given([teamCreated()]).when(adopt(data)).thenRejects(code, { category: 'invalid', field, message });
  });

  it('checks the rule before the value', () => {
    spec.given([teamCreated()]).when(adopt({ rule: '', value: '' })).thenRejects('PRINCIPLE.RULE_INVALID', { field: 'rule' });
  });

  it.each([
    ['two words', 'Be honest', 'Integrity'],
    ['the value with punctuation', 'Integrity!', 'integrity'],
    ['a longer value, reworded only in case and punctuation', 'Care, respect and trust!', 'care respect and trust'],
    ['a value in other spacing', 'Honest  and   open  always', 'honest and open always'],
  ])('refuses a rule that is %s, quoting it', (_, rule, value) => {
    spec.given([teamCreated()]).when(adopt({ rule, value })).thenRejects('PRINCIPLE.NOT_CONCRETE', { category: 'invalid', field: 'rule', message: notConcrete(rule) });
  });

  it('accepts a rule of exactly three words', () => {
    spec
      .given([teamCreated()])
      .when(adopt({ rule: 'We ask first', value: 'curiosity' }), as(ANNA))
      .then([{ type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-2', rule: 'We ask first', value: 'curiosity', adoptedBy: ANNA, adoptedAt: now } }]);
  });

  it('counts words, not punctuation, and records rule and value trimmed', () => {
    spec
      .given([teamCreated()])
      .when(adopt({ rule: '  We — ask — first  ', value: ' curiosity ' }), as(ANNA))
      .then([{ type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-2', rule: 'We — ask — first', value: 'curiosity', adoptedBy: ANNA, adoptedAt: now } }]);
    spec.given([teamCreated()]).when(adopt({ rule: 'Honest — — — always', value: 'integrity' })).thenRejects('PRINCIPLE.NOT_CONCRETE');
  });

  it('reads letters of any script as words', () => {
    spec
      .given([teamCreated()])
      .when(adopt({ rule: 'Wij zeggen één ding', value: 'eerlijkheid' }), as(ANNA))
      .then([{ type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-2', rule: 'Wij zeggen één ding', value: 'eerlijkheid', adoptedBy: ANNA, adoptedAt: now } }]);
  });

  it('refuses an id already used, even by a retired principle, before looking at the wording', () => {
    spec
      .given([teamCreated(), adopted, retired])
      .when(adopt({ principleId: 'pr-1', rule: '' }))
      .thenRejects('PRINCIPLE.ALREADY_EXISTS', { category: 'conflict', field: 'principleId', message: 'Principle pr-1 already exists.' });
  });
});

describe('RevisePrinciple refusals and edges', () => {
  it('revises the value alone, keeping the rule', () => {
    spec
      .given([teamCreated(), adopted])
      .when(revise({ value: 'Honesty' }), because('clearer word', ANNA))
      .then([
        {
          type: 'PrincipleRevised',
          data: { teamId: TEAM, principleId: 'pr-1', previousRule: honest, previousValue: 'Integrity', rule: honest, value: 'Honesty', revisedBy: ANNA, revisedAt: now, reason: 'clearer word' },
        },
      ]);
  });

  it('changes nothing when the wording only differs by surrounding spaces', () => {
    spec.given([teamCreated(), adopted]).when(revise({ rule: `  ${honest} `, value: ' Integrity ' }), because('x')).thenNothingHappens();
  });

  it.each([
    ['an unknown principle', [teamCreated()], 'pr-1'],
    ['a retired principle', [teamCreated(), adopted, retired], 'pr-1'],
  ])('refuses %s as not found, naming it', (_, given, principleId) => {
    spec
      .given(given)
      .when(revise({ principleId }), because('x'))
      .thenRejects('PRINCIPLE.NOT_FOUND', { category: 'not-found', field: 'principleId', message: `Team ${TEAM} has no active principle ${principleId}.` });
  });

  it('refuses a bad principle id as invalid', () => {
    spec
      .given([teamCreated(), adopted])
      .when(revise({ principleId: ' pr-1' }), because('x'))
      .thenRejects('PRINCIPLE.INVALID', {
        category: 'invalid',
        field: 'principleId',
        message: 'The principle id must be a non-empty id without surrounding spaces, at most 128 characters.',
      });
  });

  it('checks the new wording before the reason', () => {
    spec.given([teamCreated(), adopted]).when(revise({ rule: 'Be honest' }), as(ANNA)).thenRejects('PRINCIPLE.NOT_CONCRETE', { field: 'rule' });
  });

  it('needs a reason, saying what it is for', () => {
    spec
      .given([teamCreated(), adopted])
      .when(revise({ value: 'Honesty' }), as(ANNA, { reason: ' ' }))
      .thenRejects('GOVERNANCE.REASON_REQUIRED', { category: 'invalid', field: 'reason', message: 'A reason is required to revise a principle.' });
  });
});

describe('RetirePrinciple refusals', () => {
  it('needs a reason, saying what it is for', () => {
    spec
      .given([teamCreated(), adopted])
      .when({ type: 'RetirePrinciple', data: { teamId: TEAM, principleId: 'pr-1' } }, as(ANNA))
      .thenRejects('GOVERNANCE.REASON_REQUIRED', { category: 'invalid', field: 'reason', message: 'A reason is required to retire a principle.' });
  });

  it('refuses retiring a principle twice', () => {
    spec
      .given([teamCreated(), adopted, retired])
      .when({ type: 'RetirePrinciple', data: { teamId: TEAM, principleId: 'pr-1' } }, because('again'))
      .thenRejects('PRINCIPLE.NOT_FOUND', { category: 'not-found', field: 'principleId', message: `Team ${TEAM} has no active principle pr-1.` });
  });

  it('records the trimmed reason', () => {
    spec
      .given([teamCreated(), adopted])
      .when({ type: 'RetirePrinciple', data: { teamId: TEAM, principleId: 'pr-1' } }, because('  merged into pr-2 ', ANNA))
      .then([{ type: 'PrincipleRetired', data: { teamId: TEAM, principleId: 'pr-1', retiredBy: ANNA, retiredAt: now, reason: 'merged into pr-2' } }]);
  });
});
