import type { Rejection } from '@leerzone/kernel';
import { isRejection, reject } from '@leerzone/kernel';
import { requiredId, requiredReason, requiredText } from '../shared/validation';
import type { AdoptPrinciple, RetirePrinciple, RevisePrinciple } from './team.commands';
import type { TeamRule } from './team.guards';
import { at, requireTeam } from './team.guards';
import { MAX_PRINCIPLE_RULE_LENGTH, MAX_PRINCIPLE_VALUE_LENGTH } from '../shared/limits';
import type { PrincipleState, TeamState } from './team.state';

export const MIN_RULE_WORDS = 3;

const normalise = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A value ("integrity") is abstract; a principle is a concrete rule to live by ("I am always
 * honest, even when the truth is uncomfortable"). A "rule" that only restates its value,
 * or is too short to say what to do, is refused.
 */
function validatePrinciple(rule: unknown, value: unknown): { rule: string; value: string } | Rejection {
  const ruleText = requiredText(rule, { field: 'rule', code: 'PRINCIPLE.RULE_INVALID', label: 'the rule', max: MAX_PRINCIPLE_RULE_LENGTH });
  if (isRejection(ruleText)) return ruleText;
  const valueText = requiredText(value, { field: 'value', code: 'PRINCIPLE.VALUE_INVALID', label: 'the value', max: MAX_PRINCIPLE_VALUE_LENGTH });
  if (isRejection(valueText)) return valueText;
  const words = normalise(ruleText).split(' ').filter(Boolean);
  if (words.length < MIN_RULE_WORDS || normalise(ruleText) === normalise(valueText)) {
    return reject(
      'invalid',
      'PRINCIPLE.NOT_CONCRETE',
      `"${ruleText}" reads like a value, not a rule to live by; say what you do, e.g. "I am always honest, even when the truth is uncomfortable".`,
      { field: 'rule' },
    );
  }
  return { rule: ruleText, value: valueText };
}

function activePrinciple(state: TeamState, principleId: unknown): PrincipleState | Rejection {
  const id = requiredId(principleId, 'principleId', 'PRINCIPLE.INVALID', 'the principle id');
  if (isRejection(id)) return id;
  const principle = state.principles.get(id);
  if (!principle || principle.status !== 'active') {
    return reject('not-found', 'PRINCIPLE.NOT_FOUND', `Team ${state.teamId} has no active principle ${id}.`, { field: 'principleId' });
  }
  return principle;
}

export const adoptPrinciple: TeamRule<AdoptPrinciple> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const principleId = requiredId(command.data.principleId, 'principleId', 'PRINCIPLE.INVALID', 'the principle id');
  if (isRejection(principleId)) return principleId;
  if (state.principles.has(principleId)) {
    return reject('conflict', 'PRINCIPLE.ALREADY_EXISTS', `Principle ${principleId} already exists.`, { field: 'principleId' });
  }
  const valid = validatePrinciple(command.data.rule, command.data.value);
  if (isRejection(valid)) return valid;
  return [{ type: 'PrincipleAdopted', data: { teamId: command.data.teamId, principleId, ...valid, adoptedBy: ctx.actor.id, adoptedAt: at(ctx) } }];
};

export const revisePrinciple: TeamRule<RevisePrinciple> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const principle = activePrinciple(state, command.data.principleId);
  if (isRejection(principle)) return principle;
  const valid = validatePrinciple(command.data.rule, command.data.value);
  if (isRejection(valid)) return valid;
  const reason = requiredReason(ctx.reason, 'revise a principle');
  if (isRejection(reason)) return reason;
  if (valid.rule === principle.rule && valid.value === principle.value) return [];
  return [
    {
      type: 'PrincipleRevised',
      data: {
        teamId: command.data.teamId,
        principleId: principle.principleId,
        previousRule: principle.rule,
        previousValue: principle.value,
        ...valid,
        revisedBy: ctx.actor.id,
        revisedAt: at(ctx),
        reason,
      },
    },
  ];
};

export const retirePrinciple: TeamRule<RetirePrinciple> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const principle = activePrinciple(state, command.data.principleId);
  if (isRejection(principle)) return principle;
  const reason = requiredReason(ctx.reason, 'retire a principle');
  if (isRejection(reason)) return reason;
  return [
    { type: 'PrincipleRetired', data: { teamId: command.data.teamId, principleId: principle.principleId, retiredBy: ctx.actor.id, retiredAt: at(ctx), reason } },
  ];
};
