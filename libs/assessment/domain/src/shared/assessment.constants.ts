/**
 * Rule constants of the assessment context, defined once. Request schemas, projections and
 * the service import them from here so that a limit can never differ between layers.
 */

/** Results, counts and comments of a round exist only from this many answers (survey vendors' default). */
export const DEFAULT_ANONYMITY_THRESHOLD = 5;
/** No tenant and no coach may go below this: with fewer, an answer can be guessed from the mean. */
export const MIN_ANONYMITY_THRESHOLD = 3;
/** rwg(j) below this is read as "the team does not agree, so the mean means little" (James, Demaree & Wolf 1984). */
export const LOW_AGREEMENT_BELOW = 0.7;
/** Results are stored to this many decimals, so a stored number reads the same on every platform. */
export const RESULT_DECIMALS = 4;

export const MAX_INSTRUMENTS_PER_ROUND = 5;
export const MAX_RESPONDENTS_PER_ROUND = 500;
export const MAX_COMMENT_LENGTH = 2000;
export const MAX_FOCUS_ITEMS = 3;
export const MAX_ACTION_TITLE_LENGTH = 200;
export const MAX_TASK_TITLE_LENGTH = 120;

/** A lower-case slug: instrument, dimension and item ids, task names. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 60;
export const isSlug = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);

/**
 * An answer slot: the application's keyed hash (HMAC) of a respondent id under the round's
 * key, encoded as base64url or hex. Long enough that it cannot be a user id by accident.
 */
export const SLOT_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
