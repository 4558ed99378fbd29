import { isRejection, reject } from '@leerzone/kernel';
import { isDelegationLevel } from '../shared/delegation.model';
import type { Money } from '../shared/money';
import { validateMoney } from '../shared/money';
import { requiredId, requiredText } from '../shared/validation';
import { mandateFor, mandateViolations } from './mandate';
import type { RecordDecision } from './team.commands';
import type { TeamRule } from './team.guards';
import { MAX_DECISION_TITLE_LENGTH, MAX_OPTIONS, MAX_OPTION_LENGTH, MAX_RATIONALE_LENGTH } from '../shared/limits';
import { at, requireTeam } from './team.guards';

export { MAX_OPTIONS } from '../shared/limits';

/**
 * A decision is checked against the mandate valid now. Within it → recorded; outside it →
 * refused with every reason, or, when the command asks, recorded as escalated. Never
 * silently accepted. Both events carry the mandate they were checked against.
 */
export const recordDecision: TeamRule<RecordDecision> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const d = command.data;
  const decisionId = requiredId(d.decisionId, 'decisionId', 'DECISION.INVALID', 'the decision id');
  if (isRejection(decisionId)) return decisionId;
  if (state.decisions.has(decisionId)) {
    return reject('conflict', 'DECISION.ALREADY_EXISTS', `Decision ${decisionId} is already recorded.`, { field: 'decisionId' });
  }
  if (typeof d.area !== 'string' || !state.decisionAreas.has(d.area)) {
    return reject('invalid', 'DECISION.AREA_UNKNOWN', `Team ${state.teamId}'s delegation board has no area ${String(d.area)}.`, { field: 'area' });
  }
  const title = requiredText(d.title, { field: 'title', code: 'DECISION.TITLE_INVALID', label: 'what was decided', max: MAX_DECISION_TITLE_LENGTH });
  if (isRejection(title)) return title;
  if (!isDelegationLevel(d.actedUnderLevel)) {
    return reject('invalid', 'DECISION.LEVEL_INVALID', 'actedUnderLevel must be a whole number from 1 (Tell) to 7 (Delegate).', { field: 'actedUnderLevel' });
  }
  const rationale = requiredText(d.rationale, { field: 'rationale', code: 'DECISION.RATIONALE_INVALID', label: 'the rationale', max: MAX_RATIONALE_LENGTH });
  if (isRejection(rationale)) return rationale;
  const options = d.optionsConsidered;
  if (!Array.isArray(options) || options.length === 0 || options.length > MAX_OPTIONS) {
    return reject('invalid', 'DECISION.OPTIONS_INVALID', `List the options considered: 1 to ${MAX_OPTIONS}.`, { field: 'optionsConsidered' });
  }
  const optionsConsidered: string[] = [];
  for (const [index, option] of options.entries()) {
    const text = requiredText(option, { field: `optionsConsidered.${index}`, code: 'DECISION.OPTIONS_INVALID', label: 'an option', max: MAX_OPTION_LENGTH });
    if (isRejection(text)) return text;
    optionsConsidered.push(text);
  }
  let amount: Money | null = null;
  if (d.amount !== undefined && d.amount !== null) {
    const money = validateMoney(d.amount, 'amount', 'DECISION.AMOUNT_INVALID');
    if (isRejection(money)) return money;
    amount = money;
  }
  const onOutside = d.onOutsideMandate ?? 'reject';
  if (onOutside !== 'reject' && onOutside !== 'escalate') {
    return reject('invalid', 'DECISION.ESCALATION_INVALID', 'onOutsideMandate must be "reject" or "escalate".', { field: 'onOutsideMandate' });
  }
  const mandate = mandateFor(state, d.area, d.unitBoundaries, ctx.now);
  const violations = mandateViolations(mandate, d.actedUnderLevel, amount);
  const common = { teamId: d.teamId, decisionId, area: d.area, title, actedUnderLevel: d.actedUnderLevel, rationale, optionsConsidered, amount, mandate };
  if (violations.length === 0) {
    return [{ type: 'DecisionRecorded', data: { ...common, decidedBy: ctx.actor.id, decidedAt: at(ctx) } }];
  }
  if (onOutside === 'escalate') {
    return [{ type: 'DecisionEscalated', data: { ...common, violations, escalatedBy: ctx.actor.id, escalatedAt: at(ctx) } }];
  }
  const first = violations[0]!;
  return reject(
    'forbidden',
    first.code,
    `Decision ${decisionId} is outside the team's mandate: ${violations.map((v) => v.message).join(' ')} Escalate it or stay within the mandate.`,
    { field: first.field, details: { violations, mandate } },
  );
};
