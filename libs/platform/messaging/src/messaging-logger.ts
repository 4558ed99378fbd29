/** The little the messaging library needs from a logger; pino and Nest's Logger both fit behind it. */
export interface MessagingLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const line = (level: string, message: string, fields?: Record<string, unknown>) =>
  JSON.stringify({ level, time: new Date().toISOString(), component: 'messaging', msg: message, ...fields });

/** Warnings and errors as JSON lines on stderr; debug and info are dropped. */
export const consoleMessagingLogger: MessagingLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message, fields) => console.warn(line('warn', message, fields)),
  error: (message, fields) => console.error(line('error', message, fields)),
};

export const silentMessagingLogger: MessagingLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
