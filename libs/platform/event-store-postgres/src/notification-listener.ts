import pg from 'pg';
import { quoteIdentifier } from './postgres-schema';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 30_000;

/**
 * One dedicated connection that LISTENs for appends committed by any process and wakes
 * the local subscriptions. When the connection drops it reconnects with backoff; in the
 * meantime subscriptions still find new events through their poll interval, so a lost
 * listener delays delivery but never loses an event.
 */
export class NotificationListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly onNotify: () => void,
  ) {}

  start(): void {
    void this.connect().catch(() => this.scheduleReconnect());
  }

  isListening(): boolean {
    return this.client !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', () => this.onNotify());
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdentifier(this.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    // Appends committed while nobody listened are found by the subscriptions' next read: wake them now.
    this.onNotify();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) void this.connect().catch(() => this.scheduleReconnect());
    }, delay);
    this.timer.unref();
  }
}
