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

/**
 * Defaults of the tenant's governance settings (settings/): used until a tenant changes
 * them, and the bounds a tenant may set them within.
 */
/** A team this long in one phase has stalled: half the article's 12-month journey. */
export const DEFAULT_MAX_MONTHS_IN_PHASE = 6;
/** The article's upper bound for the whole journey to self-steering. */
export const DEFAULT_MAX_MONTHS_ON_JOURNEY = 12;
/** An escalation unanswered this long is flagged overdue. */
export const DEFAULT_ESCALATION_TIMEOUT_DAYS = 14;
/** A proposal without its own deadline gets this many days for objections. */
export const DEFAULT_CONSENT_DEADLINE_DAYS = 7;
export const MAX_SETTING_MONTHS_IN_PHASE = 24;
export const MAX_SETTING_MONTHS_ON_JOURNEY = 36;
export const MAX_SETTING_ESCALATION_TIMEOUT_DAYS = 90;
