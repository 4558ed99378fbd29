/** Roles a person can hold in a team. Only holders of `member` steer themselves, so only their yes counts. */
export const TEAM_ROLES = ['member', 'coach', 'transformation-lead', 'analyst', 'admin'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** The road from hierarchy to self-steering. Teams following a pilot skip `pilot`. */
export const TEAM_PHASES = ['preparing', 'pilot', 'forming', 'performing', 'self-steering'] as const;
export type TeamPhase = (typeof TEAM_PHASES)[number];

export const phaseRank = (phase: TeamPhase): number => TEAM_PHASES.indexOf(phase);

/** Topics the article names for coaching; teams may plan others (as slugs). */
export const STANDARD_COACHING_TOPICS = ['budgeting', 'planning', 'giving-feedback', 'social-skills', 'decision-making', 'conflict-resolution'] as const;
