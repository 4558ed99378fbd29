// The in-memory event store is the kernel's (it passes the event-store contract suite);
// re-exported here, where projection tests have always imported it. From its own entry
// point: child processes of the tests load it outside jest, where the rest of the kernel's
// test kit (given/when/then, the catalogue tests) cannot be imported.
export { InMemoryEventStorage, InMemoryEventStore, type InMemoryEventStoreOptions } from '@leerzone/kernel/testing/in-memory-event-store';
