import { FactError, Fields } from './fact-reader';
import { TEAM_FACT_TYPES, TEAM_FACT_VERSIONS, boundaryEffect, readTeamFact, type TeamFact } from './team-facts';

const AT = '2026-03-02T09:00:00.000Z';
const event = (type: string, data: unknown, schemaVersion = 1) => ({ type, schemaVersion, data });

function refusal(e: ReturnType<typeof event>): { code: string; field: string; message: string } | undefined {
  try {
    readTeamFact(e);
  } catch (error) {
    if (error instanceof FactError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  return undefined;
}

const money = (amount: number, period = 'month', decisionArea: string | null = null, currency = 'EUR') => ({ boundaryId: 'b1', kind: 'financial', title: 'Budget', limit: { amount, currency }, period, decisionArea });
const rule = (kind: string) => ({ boundaryId: 'b1', kind, title: 'Rule', description: 'x' });
const delegation = { teamId: 't1', area: 'tooling', previousLevel: 3, level: 5, reviewBy: null, changedBy: 'coach', changedAt: AT, reason: 'ready' };

describe('reading every governance team event analytics reads', () => {
  const cases: Array<[string, number, object, TeamFact]> = [
    ['TeamCreated', 1, { teamId: 't1', name: 'Noord', unitId: 'u1', purpose: null, createdBy: 'ada', createdAt: AT }, { type: 'TeamCreated', teamId: 't1', name: 'Noord', unitId: 'u1', createdAt: AT }],
    ['TeamRenamed', 1, { teamId: 't1', previousName: 'Noord', name: 'Noord-Oost', renamedBy: 'ada', renamedAt: AT }, { type: 'TeamRenamed', teamId: 't1', name: 'Noord-Oost' }],
    ['TeamMovedToUnit', 1, { teamId: 't1', previousUnitId: null, unitId: 'u2', movedBy: 'lead', movedAt: AT, reason: 'reorganised' }, { type: 'TeamMovedToUnit', teamId: 't1', unitId: 'u2' }],
    ['TeamPhaseChanged', 1, { teamId: 't1', previousPhase: 'pilot', phase: 'forming', changedBy: 'lead', changedAt: AT, reason: null }, { type: 'TeamPhaseChanged', teamId: 't1', phase: 'forming', changedAt: AT }],
    ['MemberAdded', 1, { teamId: 't1', memberId: 'm1', roles: ['member'], addedBy: 'coach', addedAt: AT }, { type: 'MemberAdded', teamId: 't1', memberId: 'm1' }],
    ['MemberRemoved', 1, { teamId: 't1', memberId: 'm1', removedBy: 'coach', removedAt: AT, reason: null }, { type: 'MemberRemoved', teamId: 't1', memberId: 'm1' }],
    ['YesGiven', 1, { teamId: 't1', memberId: 'm1', givenBy: 'm1', givenAt: AT }, { type: 'YesGiven', teamId: 't1', memberId: 'm1' }],
    ['YesWithdrawn', 1, { teamId: 't1', memberId: 'm1', withdrawnBy: 'm1', withdrawnAt: AT, reason: null }, { type: 'YesWithdrawn', teamId: 't1', memberId: 'm1' }],
    ['DelegationLevelChanged', 2, delegation, { type: 'DelegationLevelChanged', teamId: 't1', area: 'tooling', previousLevel: 3, level: 5, changedAt: AT }],
    [
      'TeamBoundarySet',
      1,
      { teamId: 't1', boundary: rule('safety'), previous: null, setBy: 'coach', setAt: AT, reason: 'x', proposalId: null },
      { type: 'TeamBoundarySet', teamId: 't1', boundaryId: 'b1', kind: 'safety', added: true, effect: 'narrowed', setAt: AT },
    ],
    [
      'TeamBoundaryRemoved',
      1,
      { teamId: 't1', boundaryId: 'b1', previous: money(500), removedBy: 'coach', removedAt: AT, reason: 'x', proposalId: null },
      { type: 'TeamBoundaryRemoved', teamId: 't1', boundaryId: 'b1', kind: 'financial', effect: 'narrowed', removedAt: AT },
    ],
    [
      'DecisionRecorded',
      1,
      { teamId: 't1', decisionId: 'd1', area: 'tooling', title: 'x', actedUnderLevel: 5, rationale: 'x', optionsConsidered: [], amount: null, mandate: {}, decidedBy: 'ada', decidedAt: AT },
      { type: 'DecisionRecorded', teamId: 't1', decisionId: 'd1', area: 'tooling', at: AT },
    ],
    ['DecisionEscalated', 1, { teamId: 't1', decisionId: 'd1', area: 'tooling', violations: [], escalatedBy: 'ada', escalatedAt: AT }, { type: 'DecisionEscalated', teamId: 't1', decisionId: 'd1', area: 'tooling', at: AT }],
    [
      'EscalatedDecisionApproved',
      1,
      { teamId: 't1', decisionId: 'd1', area: 'tooling', amount: null, mandate: {}, violations: [], answeredAs: 'unit-lead', approvedBy: 'lead', approvedAt: AT, reason: 'ok' },
      { type: 'EscalatedDecisionApproved', teamId: 't1', decisionId: 'd1', area: 'tooling', at: AT },
    ],
    [
      'EscalatedDecisionDeclined',
      1,
      { teamId: 't1', decisionId: 'd1', area: 'tooling', answeredAs: 'unit-lead', declinedBy: 'lead', declinedAt: AT, reason: 'no' },
      { type: 'EscalatedDecisionDeclined', teamId: 't1', decisionId: 'd1', area: 'tooling', at: AT },
    ],
  ];

  it('covers every type it lists', () => {
    expect(cases.map(([type]) => type).sort()).toEqual([...TEAM_FACT_TYPES].sort());
  });

  it.each(cases)('%s version %d', (type, version, data, fact) => {
    expect(TEAM_FACT_VERSIONS[type as TeamFact['type']]).toEqual([version]);
    expect(readTeamFact(event(type, data, version))).toEqual(fact);
    expect(refusal(event(type, data, version + 1))).toMatchObject({ code: 'ANALYTICS.UNSUPPORTED_EVENT_VERSION', field: 'schemaVersion' });
  });

  it('reads a delegation change only upcast to version 2 (version 1 reaches the reader through the schema registry)', () => {
    expect(refusal(event('DelegationLevelChanged', delegation, 1))).toMatchObject({ code: 'ANALYTICS.UNSUPPORTED_EVENT_VERSION' });
  });

  it('a delegation level set for the first time has no previous level', () => {
    expect(readTeamFact(event('DelegationLevelChanged', { ...delegation, previousLevel: null }, 2))).toMatchObject({ previousLevel: null, level: 5 });
    expect(readTeamFact(event('DelegationLevelChanged', { ...delegation, previousLevel: undefined }, 2))).toMatchObject({ previousLevel: null, level: 5 });
  });

  it('a delegation level is a whole number from 1 (Tell) to 7 (Delegate)', () => {
    expect(readTeamFact(event('DelegationLevelChanged', { ...delegation, previousLevel: 1, level: 7 }, 2))).toMatchObject({ previousLevel: 1, level: 7 });
    expect(readTeamFact(event('DelegationLevelChanged', { ...delegation, previousLevel: 7, level: 1 }, 2))).toMatchObject({ previousLevel: 7, level: 1 });
    for (const [field, value] of [['level', 0], ['level', 8], ['level', 2.5], ['previousLevel', 0], ['previousLevel', 8], ['previousLevel', 6.5]] as const) {
      const refused = refusal(event('DelegationLevelChanged', { ...delegation, [field]: value }, 2));
      expect(refused).toMatchObject({ code: 'ANALYTICS.INVALID_EVENT', field: `data.${field}` });
      expect(refused!.message).toMatch(new RegExp(`1 to 7, not ${value}\\b`));
    }
    expect(refusal(event('DelegationLevelChanged', { ...delegation, level: '5' }, 2))).toMatchObject({ field: 'data.level' });
  });

  it('a boundary set over an earlier one is no addition; its effect compares the two', () => {
    const set = (boundary: object, previous: object | null) => readTeamFact(event('TeamBoundarySet', { teamId: 't1', boundary, previous, setBy: 'coach', setAt: AT, reason: 'x', proposalId: null }));
    expect(set(money(400), money(500))).toMatchObject({ added: false, effect: 'narrowed' });
    expect(set(money(500), null)).toMatchObject({ added: true, effect: 'widened' });
    expect(set(rule('legal'), rule('legal'))).toMatchObject({ added: false, effect: 'not-comparable' });
  });

  it('a decision is read at the instant of its own kind: decided, escalated, approved or declined', () => {
    const decision = { teamId: 't1', decisionId: 'd1', area: 'tooling' };
    const only = (field: string) => ({ ...decision, [field]: AT });
    expect(readTeamFact(event('DecisionRecorded', only('decidedAt')))).toMatchObject({ at: AT });
    expect(readTeamFact(event('DecisionEscalated', only('escalatedAt')))).toMatchObject({ at: AT });
    expect(readTeamFact(event('EscalatedDecisionApproved', only('approvedAt')))).toMatchObject({ at: AT });
    expect(readTeamFact(event('EscalatedDecisionDeclined', only('declinedAt')))).toMatchObject({ at: AT });
    expect(refusal(event('DecisionRecorded', only('escalatedAt')))).toMatchObject({ field: 'data.decidedAt' });
    expect(refusal(event('DecisionEscalated', only('decidedAt')))).toMatchObject({ field: 'data.escalatedAt' });
    expect(refusal(event('EscalatedDecisionApproved', only('declinedAt')))).toMatchObject({ field: 'data.approvedAt' });
    expect(refusal(event('EscalatedDecisionDeclined', only('approvedAt')))).toMatchObject({ field: 'data.declinedAt' });
  });

  it('refuses an event without what it needs, naming the field', () => {
    const cases: Array<[string, number, object, string]> = [
      ['TeamRenamed', 1, { teamId: 't1', name: '' }, 'data.name'],
      ['TeamMovedToUnit', 1, { teamId: 't1', unitId: null }, 'data.unitId'],
      ['TeamMovedToUnit', 1, { unitId: 'u1' }, 'data.teamId'],
      ['MemberRemoved', 1, { teamId: 't1', memberId: 'm.1' }, 'data.memberId'],
      ['YesGiven', 1, { teamId: 't1' }, 'data.memberId'],
      ['YesWithdrawn', 1, { teamId: 't1', memberId: '$m1' }, 'data.memberId'],
      ['DelegationLevelChanged', 2, { ...delegation, area: 'tools.paid' }, 'data.area'],
      ['DelegationLevelChanged', 2, { ...delegation, changedAt: undefined }, 'data.changedAt'],
      ['TeamBoundarySet', 1, { teamId: 't1', boundary: null, previous: null, setAt: AT }, 'data.boundary'],
      ['TeamBoundarySet', 1, { teamId: 't1', boundary: { ...rule('legal'), boundaryId: undefined }, previous: null, setAt: AT }, 'data.boundary.boundaryId'],
      ['TeamBoundarySet', 1, { teamId: 't1', boundary: rule('ethics'), previous: null, setAt: AT }, 'data.boundary.kind'],
      ['TeamBoundarySet', 1, { teamId: 't1', boundary: rule('legal'), previous: 'b0', setAt: AT }, 'data.previous'],
      ['TeamBoundarySet', 1, { teamId: 't1', boundary: rule('legal'), previous: null }, 'data.setAt'],
      ['TeamBoundaryRemoved', 1, { teamId: 't1', boundaryId: 'b1', previous: null, removedAt: AT }, 'data.previous'],
      ['TeamBoundaryRemoved', 1, { teamId: 't1', previous: rule('legal'), removedAt: AT }, 'data.boundaryId'],
      ['TeamBoundaryRemoved', 1, { teamId: 't1', boundaryId: 'b1', previous: rule('ethics'), removedAt: AT }, 'data.previous.kind'],
      ['TeamBoundaryRemoved', 1, { teamId: 't1', boundaryId: 'b1', previous: rule('legal') }, 'data.removedAt'],
      ['DecisionRecorded', 1, { teamId: 't1', area: 'tooling', decidedAt: AT }, 'data.decisionId'],
      ['DecisionRecorded', 1, { teamId: 't1', decisionId: 'd1', area: '$tooling', decidedAt: AT }, 'data.area'],
      ['EscalatedDecisionApproved', 1, { teamId: 't1', area: 'tooling', approvedAt: AT }, 'data.decisionId'],
      ['EscalatedDecisionDeclined', 1, { teamId: 't1', decisionId: 'd1', declinedAt: AT }, 'data.area'],
    ];
    for (const [type, version, data, field] of cases) expect([type, field, refusal(event(type, data, version))?.field]).toEqual([type, field, field]);
  });
});

describe('what a boundary change did to the team’s room to decide', () => {
  const f = (boundary: object | null) => (boundary === null ? null : new Fields('TeamBoundarySet', boundary));
  it.each([
    ['nothing replaced by nothing', 'not-comparable', null, null],
    ['a rule replaced by another rule', 'not-comparable', rule('legal'), rule('safety')],
    ['a budget replaced by a rule', 'not-comparable', money(100), rule('legal')],
    ['a rule replaced by a budget', 'not-comparable', rule('core-procedure'), money(100)],
    ['less money for another decision area', 'not-comparable', money(100, 'month', 'tools'), money(50, 'month', 'travel')],
    ['less money for an area where there was none', 'not-comparable', money(100), money(50, 'month', 'travel')],
    ['less money for the same decision area', 'narrowed', money(100, 'month', 'tools'), money(50, 'month', 'tools')],
    ['more money for the same decision area', 'widened', money(100, 'month', 'tools'), money(150, 'month', 'tools')],
    ['the same limit again', 'not-comparable', money(100), money(100)],
    ['less money over a longer period', 'narrowed', money(100), money(50, 'quarter')],
    ['more money over a shorter period', 'widened', money(100, 'quarter'), money(150)],
    ['more money over a longer period', 'not-comparable', money(100), money(200, 'quarter')],
    ['less money over a shorter period', 'not-comparable', money(100), money(50, 'per-decision')],
    ['the same money over a longer period', 'narrowed', money(100, 'month'), money(100, 'year')],
    ['the same money over a shorter period', 'widened', money(100, 'quarter'), money(100, 'month')],
    ['the same money in another currency', 'not-comparable', money(100), money(100, 'month', null, 'USD')],
  ])('%s: %s', (_what, effect, previous, next) => {
    expect(boundaryEffect(f(previous), f(next))).toBe(effect);
  });
});
