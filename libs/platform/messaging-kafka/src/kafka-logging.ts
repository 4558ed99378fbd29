import type { MessagingLogger } from '@leerzone/messaging';
import { logLevel, type logCreator } from 'kafkajs';

// We retry failed sends ourselves with the same batch (the relay), so a bounded kafkajs
// retry count does not lose the idempotent producer's guarantees; the warning would only
// repeat at every start.
const EXPECTED = ['Limiting retries for the idempotent producer may invalidate EoS guarantees'];

/** Routes kafkajs's log lines into the service's logger. */
export const kafkaLogCreator =
  (logger: MessagingLogger): logCreator =>
  () =>
  ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, logger: _name, ...fields } = log as { message: string; timestamp?: string; logger?: string };
    if (EXPECTED.includes(message)) return;
    const entry = { kafkajs: namespace, ...fields };
    if (level === logLevel.ERROR) logger.error(message, entry);
    else if (level === logLevel.WARN) logger.warn(message, entry);
    else if (level === logLevel.INFO) logger.info(message, entry);
    else logger.debug(message, entry);
  };
