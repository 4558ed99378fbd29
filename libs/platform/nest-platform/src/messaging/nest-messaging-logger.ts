import { Logger } from '@nestjs/common';
import type { MessagingLogger } from '@leerzone/messaging';

/** The messaging library's logger on Nest's: JSON lines through pino in a Leerzone app. */
export function nestMessagingLogger(context = 'Messaging'): MessagingLogger {
  const logger = new Logger(context);
  return {
    debug: (msg, fields) => logger.debug({ msg, ...fields }),
    info: (msg, fields) => logger.log({ msg, ...fields }),
    warn: (msg, fields) => logger.warn({ msg, ...fields }),
    error: (msg, fields) => logger.error({ msg, ...fields }),
  };
}
