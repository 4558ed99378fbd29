export interface CreateTeam {
  readonly type: 'CreateTeam';
  readonly data: {
    readonly teamId: string;
    readonly name: string;
    readonly unitId?: string;
    readonly purpose?: string;
  };
}

export type TeamCommand = CreateTeam;
