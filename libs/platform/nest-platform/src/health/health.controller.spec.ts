import type { EventStore } from '@leerzone/kernel';
import { InMemoryProjectionStore, type ProjectionStore } from '@leerzone/projection-store';
import type { Response } from 'express';
import { HealthController, READINESS_CHECK_TIMEOUT_MS, SHUTDOWN_BOUND_MS } from './health.controller';
import { ReadinessRegistry } from './readiness';

const response = () => {
  const r = { statusCode: 0, status: (code: number) => ((r.statusCode = code), r) };
  return r;
};
const eventStore = (head: () => Promise<number>) => ({ headPosition: head }) as unknown as EventStore;

describe('HealthController', () => {
  afterEach(() => jest.useRealTimers());

  it('is ready when the stores answer and every registered check is ready', async () => {
    const registry = new ReadinessRegistry();
    registry.register({ name: 'projections', check: async () => ({ ready: true }) });
    const controller = new HealthController(registry, eventStore(async () => 7), new InMemoryProjectionStore());
    const r = response();
    const body = await controller.ready(r as unknown as Response);
    expect(r.statusCode).toBe(200);
    expect(body).toMatchObject({ status: 'ready', checks: { 'event-store': { ready: true, details: { head: 7 } }, 'projection-store': { ready: true }, projections: { ready: true } } });
  });

  it('is not ready when a store fails, or does not answer within the bound', async () => {
    jest.useFakeTimers();
    const hanging = { listCollections: () => new Promise(() => undefined) } as unknown as ProjectionStore;
    const controller = new HealthController(new ReadinessRegistry(), eventStore(async () => Promise.reject(new Error('connection refused'))), hanging);
    const r = response();
    const pending = controller.ready(r as unknown as Response);
    await jest.advanceTimersByTimeAsync(READINESS_CHECK_TIMEOUT_MS + 1);
    const body = await pending;
    expect(r.statusCode).toBe(503);
    expect(body.checks).toEqual({
      'event-store': { ready: false, details: { error: 'connection refused' } },
      'projection-store': { ready: false, details: { error: `did not answer within ${READINESS_CHECK_TIMEOUT_MS} ms` } },
    });
  });

  it('says not ready from the moment shutdown begins', async () => {
    const controller = new HealthController(new ReadinessRegistry(), eventStore(async () => 0), new InMemoryProjectionStore());
    controller.beforeApplicationShutdown();
    const r = response();
    const body = await controller.ready(r as unknown as Response);
    expect(r.statusCode).toBe(503);
    expect(body).toMatchObject({ status: 'not-ready', shuttingDown: { since: expect.any(String) } });
  });

  it('bounds a shutdown after a signal: exits if it has not finished in time, not if it has', () => {
    jest.useFakeTimers();
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      const hung = new HealthController(new ReadinessRegistry(), eventStore(async () => 0), new InMemoryProjectionStore());
      hung.beforeApplicationShutdown('SIGTERM');
      jest.advanceTimersByTime(SHUTDOWN_BOUND_MS - 1);
      expect(exit).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(exit).toHaveBeenCalledWith(1);
      exit.mockClear();
      const clean = new HealthController(new ReadinessRegistry(), eventStore(async () => 0), new InMemoryProjectionStore());
      clean.beforeApplicationShutdown('SIGTERM');
      clean.onApplicationShutdown();
      jest.advanceTimersByTime(SHUTDOWN_BOUND_MS * 2);
      expect(exit).not.toHaveBeenCalled();
      // app.close() without a signal (tests) arms no bound.
      new HealthController(new ReadinessRegistry(), eventStore(async () => 0), new InMemoryProjectionStore()).beforeApplicationShutdown();
      jest.advanceTimersByTime(SHUTDOWN_BOUND_MS * 2);
      expect(exit).not.toHaveBeenCalled();
    } finally {
      exit.mockRestore();
    }
  });
});
