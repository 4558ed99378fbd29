import { expect } from '@jest/globals';
import type { Response } from 'supertest';
import { TeamDirectory } from '@leerzone/team-directory';
import { expectProblem, expectStatus, sleep } from './problems';
import type { Caller, ServiceTestApp } from './service-test-app';

/** Re-runs `check` until it passes or the deadline is over (then its last failure is the test's). */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(25);
    }
  }
}

/** The team directory of the (one) service in the test app that keeps one. */
export const directoryOf = (t: ServiceTestApp): TeamDirectory => t.app.get(TeamDirectory, { strict: false });

/**
 * A team made through governance's real HTTP API (governance hosted in the same test app),
 * with a coach and members, once the service's own team directory has caught up with it.
 */
export async function createTeamInGovernance(t: ServiceTestApp, coach: Caller, coachId: string, memberIds: readonly string[], name: string, tenantId = 'acme'): Promise<string> {
  const created = await coach.post('/api/governance/teams', { name });
  expectStatus(created, 201);
  const teamId = created.body.teamId as string;
  expectStatus(await coach.post(`/api/governance/teams/${teamId}/members`, { memberId: coachId, roles: ['coach'] }), 201);
  for (const memberId of memberIds) expectStatus(await coach.post(`/api/governance/teams/${teamId}/members`, { memberId }), 201);
  await eventually(async () => expect((await directoryOf(t).currentMembers(tenantId, teamId)).length).toBe(memberIds.length + 1));
  return teamId;
}

/** A request that must be refused with this problem, and write nothing. */
export const refusedWith =
  (t: ServiceTestApp) =>
  async (send: () => PromiseLike<Response>, status: number, code: string, field?: string): Promise<Response> => {
    const before = await t.head();
    const response = await send();
    expectProblem(response, status, code, field);
    expect(await t.head()).toBe(before);
    return response;
  };
