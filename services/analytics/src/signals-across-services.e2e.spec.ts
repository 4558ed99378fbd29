import { resolve } from 'node:path';
import { ServiceStack, untilStatus, type Answer } from '@leerzone/service-kit/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { aggregateStreamId } from '@leerzone/kernel';

const SERVICES = resolve(__dirname, '../..');

/**
 * Issue 15 across processes: governance, failure-learning and analytics as separate OS
 * processes over the real Kafka broker, analytics' read models on the real MongoDB-wire server.
 * A failure reported in failure-learning, then control taken back in governance (a delegation
 * level lowered, written by governance as DelegationLevelChanged v2): analytics, which knows
 * neither service's code, shows the signal with both events and a working link to their history.
 */
describeWithServer('kafka', 'analytics signals across service processes over Kafka', (kafka) => {
  describeWithServer('mongo', 'with analytics’ read models in MongoDB', (mongo) => {
    let stack: ServiceStack;
    let coach: string;
    let mia: string;
    let analyst: string;
    let admin: string;

    beforeAll(async () => {
      const url = new URL(await mongo());
      url.pathname = `/lz_e2e_signals_${process.pid}_${Date.now().toString(36)}`;
      stack = await ServiceStack.start({
        brokers: await kafka(),
        servicesDir: SERVICES,
        services: ['governance', 'failure-learning', 'analytics'],
        label: 'e2e-signals',
        partitions: 2,
        env: { analytics: { PROJECTION_STORE_URL: url.toString() } },
      });
      coach = await stack.token('acme', 'cora', ['coach']);
      mia = await stack.token('acme', 'mia', ['member']);
      analyst = await stack.token('acme', 'ana', ['analyst']);
      admin = await stack.token('acme', 'adam', ['admin']);
    }, 180_000);
    afterAll(() => stack?.stop());

    const until = (status: number, send: () => Promise<Answer>, done: (answer: Answer) => boolean = () => true) =>
      untilStatus(status, async () => {
        const answer = await send();
        return answer.status === status && !done(answer) ? { ...answer, status: -1 } : answer;
      }, 90_000, 250);

    it('a failure, then a lowered delegation level: analytics shows control taken back, citing both events', async () => {
      const { teamId } = (await stack.ok('governance', 'POST', '/api/governance/teams', coach, { name: 'Wijkteam Noord' })) as { teamId: string };
      await stack.ok('governance', 'POST', `/api/governance/teams/${teamId}/members`, coach, { memberId: 'cora', roles: ['coach'] });
      await stack.ok('governance', 'POST', `/api/governance/teams/${teamId}/members`, coach, { memberId: 'mia' });
      await stack.ok('governance', 'PUT', `/api/governance/teams/${teamId}/delegation-board/areas/budget-spend/level`, coach, { level: 5, reason: 'The team plans its own budget.' });

      const report = {
        teamId,
        expected: 'The evening round is done by 21:00.',
        happened: 'The evening round for room 12 was skipped.',
        context: 'Two colleagues were off sick.',
        impact: { description: 'A missed dose; no lasting harm.' },
        severity: 'medium',
        occurredAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        noticedAt: new Date(Date.now() - 3_600_000).toISOString(),
        area: 'medication',
        tags: ['handover'],
        anonymous: true,
      };
      // Failure-learning learns mia is on the team over Kafka; retry until it does.
      const reported = await until(201, () => stack.call('failure-learning', 'POST', '/api/failure-learning/reports', mia, report));
      expect(reported.status).toBe(201);
      const reportId = reported.body['reportId'] as string;

      await stack.ok('governance', 'PUT', `/api/governance/teams/${teamId}/delegation-board/areas/budget-spend/level`, coach, { level: 2, reason: 'After the incident the coach decides again.' });

      const signals = await until(200, () => stack.call('analytics', 'GET', `/api/analytics/signals?team=${teamId}&rule=control-taken-back`, analyst), (a) => (a.body['items'] as unknown[]).length > 0);
      expect(signals.status).toBe(200);
      const [signal] = signals.body['items'] as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(signal).toMatchObject({
        rule: 'control-taken-back',
        teamId,
        parameters: { controlWindowDays: 30 },
        details: { control: 'delegation', area: 'budget-spend', from: 5, to: 2, reportId },
        triggeredBy: [
          { role: 'failure', streamId: aggregateStreamId('failure-learning-report-', 'acme', reportId), streamPosition: 1 },
          { role: 'delegation-lowered', streamId: aggregateStreamId('team-', 'acme', teamId) },
        ],
      });
      // The links lead to the events' history in the service that recorded them.
      const failureHistory = await stack.call('failure-learning', 'GET', signal['triggeredBy'][0].history, admin);
      expect(failureHistory.status).toBe(200);
      expect(JSON.stringify(failureHistory.body)).toContain(signal['triggeredBy'][0].eventId);
      const teamHistory = await stack.call('governance', 'GET', signal['triggeredBy'][1].history, admin);
      expect(teamHistory.status).toBe(200);
      expect(JSON.stringify(teamHistory.body)).toContain(signal['triggeredBy'][1].eventId);

      const figures = (await stack.ok('analytics', 'GET', `/api/analytics/team-figures?team=${teamId}`, analyst)) as { items: Array<Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(figures.items[0]).toMatchObject({ delegation: { levels: { 'budget-spend': 2 }, changes: 2 }, failures: { reports: 1 }, rollout: { members: 2 } });
      // Nothing of the anonymous reporter reached analytics.
      expect(JSON.stringify(figures)).not.toContain('mia');
    }, 240_000);
  });
});
