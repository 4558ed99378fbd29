import { startTestObservability, type TestObservability } from '../testing';
import { METRIC_NAMES, eventsRelayed, projectionLag } from './instruments';

describe('metrics', () => {
  let otel: TestObservability;
  const cleanup: (() => unknown)[] = [];
  beforeEach(() => {
    otel = startTestObservability();
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    await otel.shutdown();
  });

  it('reads the projection-lag gauge at each collection, from the sources registered for it', async () => {
    // The shape of a ProjectionRunner: a checkpoint chasing the store's head (the audit
    // package reads this gauge off its real index runner in audit-index.int.spec.ts).
    const progress = { head: 40, position: 0 };
    const unregister = projectionLag.observe(() => [{ value: progress.head - progress.position, attributes: { 'leerzone.projection.name': 'governance.teams' } }]);

    const before = await otel.dataPoints(METRIC_NAMES.projectionLag);
    expect(before.map((point) => [point.attributes, point.value])).toEqual([[{ 'leerzone.projection.name': 'governance.teams' }, 40]]);

    progress.position = 40;
    expect((await otel.dataPoints(METRIC_NAMES.projectionLag)).map((point) => point.value)).toEqual([0]);
    unregister();
  });

  it('counts with attributes, and a gauge source that throws does not hide the others', async () => {
    eventsRelayed.add(3, { 'messaging.destination.name': 'leerzone.governance.events' });
    eventsRelayed.add(2, { 'messaging.destination.name': 'leerzone.governance.events' });
    cleanup.push(projectionLag.observe(() => Promise.reject(new Error('store down'))));
    cleanup.push(projectionLag.observe(() => [{ value: 7, attributes: { 'leerzone.projection.name': 'p' } }]));
    expect((await otel.dataPoints(METRIC_NAMES.eventsRelayed)).map((point) => point.value)).toEqual([5]);
    expect((await otel.dataPoints(METRIC_NAMES.projectionLag)).map((point) => point.value)).toEqual([7]);
  });
});
