import { roundStreamId } from '@leerzone/assessment-domain';
import { startTestObservability, type TestObservability } from '@leerzone/observability/testing';
import { governanceService } from '@leerzone/governance-service';
import { expectStatus, startServiceTestApp, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { assessmentService } from '../../assessment.module';
import { PS, answersTo, createTeam, storedRows } from '../../testing/assessment-test-team';

/**
 * With tracing on, the answer must not join the request's trace: otherwise the trace id on
 * AnswerRecorded would equal the one on RespondentCounted and tie the answer to the person.
 */
describe('assessment: answers stay out of the request’s trace', () => {
  let observability: TestObservability;
  let t: ServiceTestApp;

  beforeAll(async () => {
    observability = startTestObservability('assessment-answer-tracing');
    t = await startServiceTestApp([governanceService, assessmentService]);
  });
  afterAll(async () => {
    await t.close();
    await observability.shutdown();
  });

  it('stamps the participation with the request’s trace and the answer with none of it', async () => {
    const cora = await t.as('cora', ['coach']);
    const memberIds = ['anna', 'bram', 'chen', 'dirk', 'eva'];
    const teamId = await createTeam(t, cora, 'cora', memberIds, 'Traced team');
    const opened = await cora.post('/api/assessment/rounds', { teamId, instruments: [{ instrumentId: 'psychological-safety', version: 1 }] });
    expectStatus(opened, 201);
    const requestTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const anna = await t.as('anna', ['member']);
    expectStatus(await anna.put(`/api/assessment/rounds/${opened.body.roundId}/my-answer`, { answers: [answersTo(PS, 6)] }, { traceparent: `00-${requestTrace}-00f067aa0ba902b7-01` }), 200);

    const rows = storedRows(t, roundStreamId('acme', opened.body.roundId));
    const counted = rows.find((r) => r.type === 'RespondentCounted')!;
    const answer = rows.find((r) => r.type === 'AnswerRecorded')!;
    expect(counted.traceparent).toContain(requestTrace);
    // A trace of its own at most (the SDK starts a root span for the command), never the request's.
    const answerTrace = answer.traceparent?.split('-')[1];
    expect(answerTrace).not.toBe(requestTrace);
    expect(answerTrace).not.toBe(counted.traceparent!.split('-')[1]);
    const spans = observability.finishedSpans();
    const answerSpan = spans.find((s) => s.name === 'command RecordAnswer')!;
    expect(answerSpan.spanContext().traceId).not.toBe(requestTrace);
    expect(answerSpan.parentSpanContext).toBeUndefined();
    for (const span of spans) expect(JSON.stringify(span.attributes)).not.toContain('anna');
  });
});
