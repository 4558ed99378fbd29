/** Examples for the audit API's OpenAPI document: one team's name change, as the trail shows it. */
const TEAM_STREAM = 'team-0190f5a4-0000-7000-8000-00000000a001';
const CORRELATION = '0190f5a4-0000-7000-8000-0000000000c1';

const renamed = {
  eventId: '0190f5a4-0000-7000-8000-0000000000e2',
  type: 'TeamRenamed',
  schemaVersion: 1,
  tenantId: 'acme',
  occurredAt: '2026-03-02T09:15:00.000Z',
  recordedAt: '2026-03-02T09:15:00.012Z',
  actor: { id: 'coach-ada', kind: 'user' },
  reason: 'The team chose its own name in the kick-off.',
  correlationId: CORRELATION,
  causationId: CORRELATION,
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  data: { teamId: '0190f5a4-0000-7000-8000-00000000a001', name: 'Harbour Crew' },
  metadata: {},
  streamId: TEAM_STREAM,
  streamPosition: 2,
  globalPosition: 118,
  hash: '9f2c4e0b7d1a6e3f5b8c2d4a6e8f0b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a',
};

export const AUDIT_EXAMPLES = {
  history: { streamId: TEAM_STREAM, aggregate: 'team', confidential: false, events: [renamed], nextFromPosition: 3 },
  state: {
    streamId: TEAM_STREAM,
    aggregate: 'team',
    at: '2026-03-03T00:00:00.000Z',
    timeline: 'recorded',
    version: 2,
    lastEvent: { eventId: renamed.eventId, type: renamed.type, occurredAt: renamed.occurredAt, recordedAt: renamed.recordedAt, streamPosition: 2 },
    state: { name: 'Harbour Crew', phase: 'orientation' },
  },
  diff: {
    streamId: TEAM_STREAM,
    aggregate: 'team',
    timeline: 'recorded',
    from: { at: '2026-03-01T00:00:00.000Z', version: 1 },
    to: { at: '2026-03-03T00:00:00.000Z', version: 2 },
    changes: [{ path: '/name', kind: 'changed', before: 'Team 7', after: 'Harbour Crew' }],
    events: [renamed],
  },
  page: { items: [renamed], next: 'MTE4', indexedUpTo: 120 },
  publicKey: {
    keyId: '5a1f0c3e9b7d2a41',
    algorithm: 'Ed25519',
    publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n',
  },
} as const;
