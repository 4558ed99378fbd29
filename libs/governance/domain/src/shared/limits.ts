/**
 * Governance's text limits, in one place: the rules refuse longer texts, and the request
 * schemas and projections import the same numbers.
 */
export const MAX_TEAM_NAME_LENGTH = 120;
export const MAX_TEAM_PURPOSE_LENGTH = 1000;
export const MAX_UNIT_NAME_LENGTH = 120;
export const MAX_ORGANISATION_NAME_LENGTH = MAX_UNIT_NAME_LENGTH;
export const MAX_PLAN_NAME_LENGTH = 120;
export const MAX_AREA_TITLE_LENGTH = 120;
export const MAX_DECISION_TITLE_LENGTH = 200;
export const MAX_RATIONALE_LENGTH = 4000;
export const MAX_OPTION_LENGTH = 500;
export const MAX_PRINCIPLE_RULE_LENGTH = 500;
export const MAX_PRINCIPLE_VALUE_LENGTH = 80;
export const MAX_COACHING_GOAL_LENGTH = 1000;
export const MAX_COACHING_NOTES_LENGTH = 4000;
export const MAX_BOUNDARY_REFERENCE_LENGTH = 200;
export const MAX_OPTIONS = 20;
