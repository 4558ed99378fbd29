import { Injectable, type INestApplication } from '@nestjs/common';
import { BaseRpcContext, EventPattern, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { StoredEvent } from '@leerzone/kernel';
import type { Delivery, RetryPolicy } from '@leerzone/messaging';
import { BusConsumers } from './bus-consumers';

/** What a handler gets beside the event: the delivery (topic, partition, offset, traceparent). */
export class BusEventContext extends BaseRpcContext<[StoredEvent, Delivery]> {
  getEvent(): StoredEvent {
    return this.args[0];
  }

  getDelivery(): Delivery {
    return this.args[1];
  }
}

export interface BusEventOptions {
  /** The consumer group the handler runs in: every instance of the service shares it. Handlers with one group share a subscription. */
  readonly group: string;
  /** How often a failing batch is retried before its message is dead-lettered (the group's first handler decides). */
  readonly retry?: Partial<RetryPolicy>;
}

const SEPARATOR = '|';

/**
 * `@BusEvent('governance', 'MemberRemoved', { group: 'okr.membership' })` on a controller
 * method: Nest's `@EventPattern`, carried by Leerzone's bus instead of Nest's transports.
 * `type` may be `*` for every event of the source. Handlers must be idempotent (deliveries
 * can repeat): keep a position per stream, or use an `Inbox`.
 */
export const BusEvent = (source: string, type: string, options: BusEventOptions): MethodDecorator =>
  EventPattern(`${options.group}${SEPARATOR}${source}/${type}`, { ...options, source, type });

interface Route {
  readonly source: string;
  readonly type: string;
  readonly handler: MessageHandler;
}

/**
 * A custom transport strategy of `@nestjs/microservices` over the `EventBus` port: a
 * service declares policies and consumers as `@BusEvent(...)` (`@EventPattern`) handlers,
 * while the consumer groups, batching, manual commits, retries and dead letters stay the
 * platform's (`BusConsumers`). Nest's own Kafka transport is not used, for the reasons in
 * docs/messaging.md (request-reply over rebalances, one message at a time, no dead letters).
 * A handler that throws fails its batch: it is retried with backoff, then dead-lettered.
 */
@Injectable()
export class BusTransport extends Server implements CustomTransportStrategy {
  constructor(private readonly consumers: BusConsumers) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    const groups = new Map<string, Route[]>();
    const retries = new Map<string, Partial<RetryPolicy>>();
    for (const [pattern, handler] of this.messageHandlers) {
      const extras = handler.extras as Partial<BusEventOptions & { source: string; type: string }> | undefined;
      if (!handler.isEventHandler || !extras?.group || !extras.source || !extras.type) {
        throw new Error(`${pattern}: the Leerzone bus carries events only; declare handlers with @BusEvent(source, type, { group }).`);
      }
      // Nest chains handlers that share a pattern; the group is part of the pattern, so a chain is one group's.
      const routes = groups.get(extras.group) ?? [];
      if (extras.retry && !retries.has(extras.group)) retries.set(extras.group, extras.retry);
      for (let link: MessageHandler | undefined = handler; link; link = link.next) routes.push({ source: extras.source, type: extras.type, handler: link });
      groups.set(extras.group, routes);
    }
    for (const [group, routes] of groups) {
      this.consumers.register({
        group,
        sources: [...new Set(routes.map((r) => r.source))],
        ...(retries.has(group) ? { retry: retries.get(group)! } : {}),
        handle: async (deliveries) => {
          for (const delivery of deliveries) {
            const source = delivery.source;
            for (const route of routes) {
              if (route.source !== source || (route.type !== '*' && route.type !== delivery.event.type)) continue;
              const result = await route.handler(delivery.event, new BusEventContext([delivery.event, delivery]));
              await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
            }
          }
        },
      });
    }
    callback();
  }

  /** The consumers stop with the messaging runtime (drained, committed) before the stores close; nothing else to do. */
  close(): void {
    return undefined;
  }

  on(): never {
    throw new Error('The Leerzone bus transport has no server events.');
  }

  unwrap<T>(): T {
    throw new Error('The Leerzone bus transport wraps no native server; use the EventBus port.');
  }
}

/** Connects the bus transport to an HTTP app (a hybrid app) and starts it, when the app has a MessagingModule. */
export async function connectBusTransport(app: INestApplication): Promise<void> {
  let transport: BusTransport;
  try {
    transport = app.get(BusTransport, { strict: false });
  } catch {
    return;
  }
  // Not the app's config: its guards, pipes and filters are HTTP's; a bus event has no bearer token and no response.
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: false });
  await app.startAllMicroservices();
}
