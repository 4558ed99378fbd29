// The in-memory event store is the kernel's (it passes the event-store contract suite);
// re-exported here, where projection tests have always imported it.
export { InMemoryEventStorage, InMemoryEventStore, type InMemoryEventStoreOptions } from '@leerzone/kernel/testing';
