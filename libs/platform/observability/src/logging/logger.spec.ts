import { Writable } from 'node:stream';
import { startTestObservability } from '../testing';
import { withSpan } from '../tracing/trace-context';
import { REDACTION_CENSOR, createLogger } from './logger';
import { PinoNestLogger } from './nest-logger';

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>));
      done();
    },
  });
  return { lines, destination };
};

describe('structured logs', () => {
  it('never writes payloads, survey answers, free text or credentials, at any of the first three levels', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 'test', destination });
    logger.info(
      {
        event: { type: 'SurveyAnswered', data: { answers: ['I feel unsafe in this team'] }, actor: { id: 'ada' } },
        command: { payload: { email: 'ada@example.org' }, reason: 'Because of Ada' },
        headers: { authorization: 'Bearer secret-token' },
        answers: [3, 4],
        teamId: 'team-1',
      },
      'survey answered',
    );
    const text = JSON.stringify(lines);
    for (const secret of ['I feel unsafe', 'ada@example.org', 'Because of Ada', 'secret-token', '"ada"']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'survey answered', 'service.name': 'test', teamId: 'team-1', answers: REDACTION_CENSOR });
    expect((lines[0]!['event'] as Record<string, unknown>)['data']).toBe(REDACTION_CENSOR);
  });

  it('carries the trace and span id of the active span', async () => {
    const otel = startTestObservability();
    try {
      const { lines, destination } = capture();
      const logger = createLogger({ service: 'test', destination });
      await withSpan('work', {}, (span) => {
        logger.info('inside');
        expect(lines[0]).toMatchObject({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId, trace_flags: '01' });
      });
      logger.info('outside');
      expect(lines[1]!['trace_id']).toBeUndefined();
    } finally {
      await otel.shutdown();
    }
  });

  it("puts Nest's messages through the same logger, with their context", () => {
    const { lines, destination } = capture();
    const nest = new PinoNestLogger(createLogger({ service: 'test', destination }));
    nest.log('Mapped {/api/teams, POST} route', 'RouterExplorer');
    nest.error('boom', 'Error: boom\n    at somewhere (file.ts:1:1)', 'Problems');
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'Mapped {/api/teams, POST} route', context: 'RouterExplorer' });
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'boom', context: 'Problems', err: { stack: expect.stringContaining('at somewhere') } });
  });
});
