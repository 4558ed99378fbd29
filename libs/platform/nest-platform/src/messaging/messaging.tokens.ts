/** The `EventBus` of this process: Kafka when KAFKA_BROKERS is set, else the in-process bus. */
export const EVENT_BUS = Symbol('EVENT_BUS');
/** `MessagingSetup`: the resolved options of `MessagingModule.forRoot`. */
export const MESSAGING_SETUP = Symbol('MESSAGING_SETUP');
