export interface TeamState {
  readonly exists: boolean;
  readonly teamId: string | null;
  readonly name: string | null;
  readonly unitId: string | null;
  readonly purpose: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string | null;
}

export const initialTeamState: TeamState = {
  exists: false,
  teamId: null,
  name: null,
  unitId: null,
  purpose: null,
  createdBy: null,
  createdAt: null,
};
