import { LeerzoneError } from '@leerzone/kernel';
/**
 * Governance's published language about teams, as every other service reads it: the shape
 * of its team events at schema version 1 (docs/governance-events.md). Only the fields a team
 * directory needs are checked, so governance may add fields without anyone noticing; an
 * event of a read type that lacks them, or has another version, is refused (dead-lettered).
 */

export const DIRECTORY_FACT_VERSIONS = {
  TeamCreated: 1,
  TeamRenamed: 1,
  TeamMovedToUnit: 1,
  MemberAdded: 1,
  MemberRolesChanged: 1,
  MemberRemoved: 1,
} as const;

export type DirectoryFactType = keyof typeof DIRECTORY_FACT_VERSIONS;
export const DIRECTORY_FACT_TYPES = Object.keys(DIRECTORY_FACT_VERSIONS) as readonly DirectoryFactType[];

export type DirectoryFact =
  | { readonly type: 'TeamCreated'; readonly teamId: string; readonly name: string; readonly unitId: string | null }
  | { readonly type: 'TeamRenamed'; readonly teamId: string; readonly name: string }
  | { readonly type: 'TeamMovedToUnit'; readonly teamId: string; readonly unitId: string }
  | { readonly type: 'MemberAdded' | 'MemberRolesChanged'; readonly teamId: string; readonly memberId: string; readonly roles: readonly string[] }
  | { readonly type: 'MemberRemoved'; readonly teamId: string; readonly memberId: string };

export class DirectoryFactError extends LeerzoneError {
  declare readonly field: string;
  constructor(field: string, message: string) {
    super('TEAM_DIRECTORY.INVALID_EVENT', message, field);
  }
}

const isDirectoryType = (type: string): type is DirectoryFactType => Object.hasOwn(DIRECTORY_FACT_VERSIONS, type);

/** The fact a governance event states for a team directory; undefined for every other type. */
export function readDirectoryFact(event: { readonly type: string; readonly schemaVersion: number; readonly data: unknown }): DirectoryFact | undefined {
  const { type } = event;
  if (!isDirectoryType(type)) return undefined;
  if (event.schemaVersion !== DIRECTORY_FACT_VERSIONS[type]) {
    throw new DirectoryFactError('schemaVersion', `${type} version ${event.schemaVersion} is not understood here (version ${DIRECTORY_FACT_VERSIONS[type]} is).`);
  }
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
  const text = (field: string): string => {
    const value = data[field];
    if (typeof value !== 'string' || value.length === 0) throw new DirectoryFactError(`data.${field}`, `${type} needs ${field} as a non-empty string.`);
    return value;
  };
  const roles = (): string[] => {
    const value = data['roles'];
    if (!Array.isArray(value) || !value.every((role) => typeof role === 'string')) throw new DirectoryFactError('data.roles', `${type} needs roles as a list of strings.`);
    return value as string[];
  };
  const teamId = text('teamId');
  switch (type) {
    case 'TeamCreated':
      return { type, teamId, name: text('name'), unitId: data['unitId'] === null || data['unitId'] === undefined ? null : text('unitId') };
    case 'TeamRenamed':
      return { type, teamId, name: text('name') };
    case 'TeamMovedToUnit':
      return { type, teamId, unitId: text('unitId') };
    case 'MemberAdded':
    case 'MemberRolesChanged':
      return { type, teamId, memberId: text('memberId'), roles: roles() };
    case 'MemberRemoved':
      return { type, teamId, memberId: text('memberId') };
  }
}
