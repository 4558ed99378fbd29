/** Examples for the OpenAPI document: what a caller sees on success. */
export const commandAnswerExample = (body: Record<string, unknown>, type: string, version = 1) => ({
  ...body,
  version,
  events: [{ eventId: '0190f5a4-7a1b-7c3e-9d2f-4b8e1c0a9f11', type, streamPosition: version, globalPosition: 42, occurredAt: '2026-07-01T09:00:00.000Z' }],
});

export const CYCLE_ID = '0190f5a4-0000-7000-8000-00000000c1c1';
export const OBJECTIVE_ID = '0190f5a4-0000-7000-8000-0000000000b1';
export const TEAM_ID = '0190f5a4-0000-7000-8000-000000007ea1';
