import type { StoredEvent } from '@leerzone/kernel';
import { publishedBy } from './service-definition';

const event = (streamId: string, type = 'Something'): StoredEvent => ({ streamId, type }) as StoredEvent;

describe('publishedBy', () => {
  const okr = publishedBy({ streamPrefixes: ['okr-'] });
  const failureLearning = publishedBy({ streamPrefixes: ['failure-learning-'], isPrivate: (e) => e.streamId.startsWith('failure-learning-case-') });

  it('takes a shared store’s events of the service’s own streams only', () => {
    expect(okr(event('okr-objective-1'))).toBe(true);
    expect(okr(event('team-1'))).toBe(false);
    expect(okr(event('failure-learning-report-1'))).toBe(false);
  });

  it('never publishes the service’s private events', () => {
    expect(failureLearning(event('failure-learning-report-1'))).toBe(true);
    expect(failureLearning(event('failure-learning-case-1'))).toBe(false);
  });
});
