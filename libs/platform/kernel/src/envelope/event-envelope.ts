/**
 * The envelope every stored event travels in. The domain produces only `{ type, data }`;
 * everything else is supplied by the command context (who, why, which request) or by the
 * store (positions, recorded-at, integrity hash).
 */
export interface Actor {
  /** Stable id of the user or service that caused the event. */
  readonly id: string;
  readonly kind: 'user' | 'service';
}

/** What a decider emits: a string-literal type and its payload. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** The part of the envelope that travels with a command into the events it causes. */
export interface CommandContext {
  readonly tenantId: string;
  readonly actor: Actor;
  /** Why this change was made. Optional in general; some commands require it. */
  readonly reason?: string;
  /** Shared by everything that followed from one request, across services. */
  readonly correlationId: string;
  /** The id of the command or event that directly caused these events. */
  readonly causationId: string;
  /** W3C trace context (https://www.w3.org/TR/trace-context/) of the caller, if any. */
  readonly traceparent?: string;
  /** The moment the fact happened, taken from the caller's clock. */
  readonly now: Date;
}

/** An event ready to be appended: envelope minus what the store assigns. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly tenantId: string;
  /** ISO-8601 instant in UTC. */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly reason?: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly traceparent?: string;
  readonly data: Data;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** An event as read back from a store. */
export interface StoredEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  readonly streamId: string;
  /** 1-based position within its stream; the stream's version after this event. */
  readonly streamPosition: number;
  /** 1-based position in the store's global order. */
  readonly globalPosition: number;
  /** ISO-8601 instant at which the store accepted the event. */
  readonly recordedAt: string;
  /** Hash chaining this event to the previous event of its stream (tamper evidence). */
  readonly hash: string;
}

export const isoInstant = (date: Date): string => date.toISOString();
