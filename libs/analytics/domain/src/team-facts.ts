/**
 * What analytics reads of governance's team events: its own view of their published shape
 * (docs/governance-events.md, schema version 1), not an import of governance's code. Only
 * the fields analytics uses are checked; the rest may change without analytics noticing.
 */

export const TEAM_PHASES = ['preparing', 'pilot', 'forming', 'performing', 'self-steering'] as const;
export type TeamPhase = (typeof TEAM_PHASES)[number];

export type TeamFact =
  | { readonly type: 'TeamCreated'; readonly teamId: string; readonly name: string; readonly unitId: string | null; readonly createdAt: string }
  | { readonly type: 'TeamRenamed'; readonly teamId: string; readonly name: string }
  | { readonly type: 'TeamMovedToUnit'; readonly teamId: string; readonly unitId: string }
  | { readonly type: 'TeamPhaseChanged'; readonly teamId: string; readonly phase: TeamPhase; readonly changedAt: string }
  | { readonly type: 'MemberAdded'; readonly teamId: string; readonly memberId: string }
  | { readonly type: 'MemberRemoved'; readonly teamId: string; readonly memberId: string }
  | { readonly type: 'DecisionRecorded'; readonly teamId: string; readonly decisionId: string }
  | { readonly type: 'DecisionEscalated'; readonly teamId: string; readonly decisionId: string };

export type TeamFactType = TeamFact['type'];

/** The schema version of each event type analytics understands. */
export const TEAM_FACT_VERSIONS: Readonly<Record<TeamFactType, number>> = {
  TeamCreated: 1,
  TeamRenamed: 1,
  TeamMovedToUnit: 1,
  TeamPhaseChanged: 1,
  MemberAdded: 1,
  MemberRemoved: 1,
  DecisionRecorded: 1,
  DecisionEscalated: 1,
};

export const TEAM_FACT_TYPES = Object.keys(TEAM_FACT_VERSIONS) as readonly TeamFactType[];

/** An event analytics should understand but cannot: wrong version or shape. Dead-lettered, never guessed at. */
export class TeamFactError extends Error {
  readonly code: 'ANALYTICS.UNSUPPORTED_EVENT_VERSION' | 'ANALYTICS.INVALID_EVENT';
  constructor(
    code: TeamFactError['code'],
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'TeamFactError';
    this.code = code;
  }
}

const isTeamFactType = (type: string): type is TeamFactType => Object.hasOwn(TEAM_FACT_VERSIONS, type);

/**
 * The fact an event states, for the types analytics reads; undefined for any other type
 * (they are none of analytics' business). Throws `TeamFactError` naming the field when an
 * event of a read type has another schema version or lacks what analytics needs.
 */
export function readTeamFact(event: { readonly type: string; readonly schemaVersion: number; readonly data: unknown }): TeamFact | undefined {
  const { type } = event;
  if (!isTeamFactType(type)) return undefined;
  if (event.schemaVersion !== TEAM_FACT_VERSIONS[type]) {
    throw new TeamFactError('ANALYTICS.UNSUPPORTED_EVENT_VERSION', 'schemaVersion', `${type} version ${event.schemaVersion} is not understood here (version ${TEAM_FACT_VERSIONS[type]} is).`);
  }
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
  const text = (field: string): string => {
    const value = data[field];
    if (typeof value !== 'string' || value.length === 0) throw new TeamFactError('ANALYTICS.INVALID_EVENT', `data.${field}`, `${type} needs ${field} as a non-empty string.`);
    return value;
  };
  const optionalText = (field: string): string | null => (data[field] === null ? null : text(field));
  const teamId = text('teamId');
  switch (type) {
    case 'TeamCreated':
      return { type, teamId, name: text('name'), unitId: optionalText('unitId'), createdAt: text('createdAt') };
    case 'TeamRenamed':
      return { type, teamId, name: text('name') };
    case 'TeamMovedToUnit':
      return { type, teamId, unitId: text('unitId') };
    case 'TeamPhaseChanged': {
      const phase = text('phase');
      if (!(TEAM_PHASES as readonly string[]).includes(phase)) throw new TeamFactError('ANALYTICS.INVALID_EVENT', 'data.phase', `${type} names an unknown phase "${phase}".`);
      return { type, teamId, phase: phase as TeamPhase, changedAt: text('changedAt') };
    }
    case 'MemberAdded':
    case 'MemberRemoved':
      return { type, teamId, memberId: text('memberId') };
    case 'DecisionRecorded':
    case 'DecisionEscalated':
      return { type, teamId, decisionId: text('decisionId') };
  }
}
