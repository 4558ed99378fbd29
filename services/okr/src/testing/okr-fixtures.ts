import type { Response } from 'supertest';
import { expectProblem, expectStatus, sleep, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';

/** Test helpers for the okr int tests: governance is hosted in the same app, its events reach OKR's team directory over the in-process bus. */

/** Retries until `check` passes (the directory follows governance within milliseconds to seconds); returns how long it took. */
export async function eventually(check: () => Promise<void>, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - started;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await sleep(25);
    }
  }
}

/** A request that must be refused, writing nothing. */
export async function refused(t: ServiceTestApp, send: () => Promise<Response>, status: number, code: string, field?: string): Promise<Response> {
  const before = await t.head();
  const response = await send();
  expectProblem(response, status, code, field);
  expect(await t.head()).toBe(before);
  return response;
}

/** A team created in governance, with members and their team roles, through governance's own HTTP API. */
export async function governanceTeam(coach: Caller, name: string, members: Record<string, string[]>): Promise<string> {
  const created = await coach.post('/api/governance/teams', { name });
  expectStatus(created, 201);
  const teamId = created.body.teamId as string;
  for (const [memberId, roles] of Object.entries(members)) expectStatus(await coach.post(`/api/governance/teams/${teamId}/members`, { memberId, roles }), 201);
  return teamId;
}

export const isoDay = (offsetDays: number, from = new Date()): string => new Date(from.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Three key results: a numeric one to decrease, a percentage to increase, a milestone. */
export const KEY_RESULTS = [
  { keyResultId: 'kr-wait', title: 'Waiting list down to 40', measure: { kind: 'numeric', start: 120, target: 40, unit: 'clients', direction: 'decrease-to' } },
  { keyResultId: 'kr-nps', title: 'Client satisfaction to 80%', measure: { kind: 'percentage', start: 50, target: 80, direction: 'increase-to' } },
  { keyResultId: 'kr-rota', title: 'Night rota live', measure: { kind: 'milestone' } },
] as const;
