import { connect, createServer, type Server, type Socket } from 'node:net';
import type { ISocketFactory } from 'kafkajs';

/**
 * A TCP proxy between a Kafka client and the broker that a test can cut and restore:
 * `cut()` drops every open connection and refuses new ones (as a stopped broker would),
 * `restore()` accepts again on the same port. Cleaner than stopping the shared broker:
 * only the client under test loses it.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private listenPort = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  static forBroker(broker: string): TcpProxy {
    const [host, port] = broker.split(':');
    return new TcpProxy({ host: host!, port: Number(port) });
  }

  get port(): number {
    return this.listenPort;
  }

  get isUp(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<this> {
    await this.listen(0);
    return this;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    if (!this.server) await this.listen(this.listenPort);
  }

  async close(): Promise<void> {
    await this.cut();
  }

  /** A kafkajs socket factory that sends every broker connection through this proxy (one broker). */
  socketFactory(): ISocketFactory {
    return ({ onConnect }) => {
      const socket = connect({ host: '127.0.0.1', port: this.listenPort }, onConnect);
      socket.setKeepAlive(true, 30_000);
      return socket;
    };
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target);
      this.track(client);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.listenPort = (server.address() as { port: number }).port;
    this.server = server;
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
