import type { DomainEvent } from '@leerzone/kernel';

export type TeamCreated = DomainEvent<
  'TeamCreated',
  {
    readonly teamId: string;
    readonly name: string;
    readonly unitId: string | null;
    readonly purpose: string | null;
    readonly createdBy: string;
    readonly createdAt: string;
  }
>;

export type TeamEvent = TeamCreated;
