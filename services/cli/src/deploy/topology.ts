/**
 * The deployed topology in one description: which service processes there are, where each
 * listens, what it talks to, and the environment each gets. `docker-compose.yml` is checked
 * against it (compose.spec.ts) and `leerzone stack up` starts the same processes from it
 * against the local servers, so the two cannot drift apart.
 */
export interface DeployedService {
  /** The ServiceDefinition's name (`governance`): its Kafka client id, topic and schema/namespace. */
  readonly name: string;
  /** The ServiceDefinition's defaultPort. */
  readonly port: number;
  /** The first path segments under `/api/` the entry point sends to this service. */
  readonly apiPrefixes: readonly string[];
  /**
   * How it runs as several instances: `consumer-group` — a consumer only, its instances share
   * its consumer groups (any event store); `lease` — it writes events too, and its relay and
   * projection runner run in the instance holding their lease, which needs a store several
   * processes share with a lease adapter (PostgreSQL).
   */
  readonly scaling: 'consumer-group' | 'lease';
}

export const DEPLOYED_SERVICES: readonly DeployedService[] = [
  // Governance comes first: it hosts the development issuer and its key, and the shared routes.
  { name: 'governance', port: 3001, apiPrefixes: ['governance', 'auth', 'audit'], scaling: 'lease' },
  { name: 'analytics', port: 3002, apiPrefixes: ['analytics'], scaling: 'consumer-group' },
  { name: 'okr', port: 3003, apiPrefixes: ['okr'], scaling: 'lease' },
  { name: 'assessment', port: 3004, apiPrefixes: ['assessment'], scaling: 'lease' },
  { name: 'failure-learning', port: 3005, apiPrefixes: ['failure-learning'], scaling: 'lease' },
];

/** What the services run against. */
export interface Infrastructure {
  readonly kafkaBrokers: string;
  /** Topic prefix; `leerzone` in a deployment, a unique one per test run. */
  readonly kafkaNamespace?: string;
  readonly partitions: number;
  /** `mongodb://host:port/` — each service gets database `<prefix><service>`. */
  readonly mongoUrl: string;
  readonly mongoDatabasePrefix: string;
  /** The event store each service writes to (one server, a schema or namespace per service). */
  readonly eventStore: { readonly kind: 'postgres'; readonly url: string; readonly schemaPrefix: string } | { readonly kind: 'kurrentdb'; readonly url: string };
  /** Where the development issuer's shared key lives; unset: no development issuer. */
  readonly devKeyFile?: string;
  /** The development issuer answers other machines (true behind the entry point, where no request comes from loopback). */
  readonly devIssuerAllowRemote?: boolean;
  readonly otlpEndpoint?: string;
  readonly dataDir: (service: string, instance: number) => string;
}

const withParameter = (url: string, name: string, value: string): string => `${url}${url.includes('?') ? '&' : '?'}${name}=${value}`;
const identifier = (service: string) => service.replace(/-/g, '_');

/** Whether a service may run as several instances on this infrastructure, and if not, why. */
export function scalableOn(service: DeployedService, infra: Pick<Infrastructure, 'eventStore'>): { readonly scalable: true } | { readonly scalable: false; readonly reason: string } {
  if (service.scaling === 'consumer-group' || infra.eventStore.kind === 'postgres') return { scalable: true };
  return { scalable: false, reason: `${service.name} writes events, and its relay and projection runner run once across instances under a lease that only the PostgreSQL event store offers (this one is ${infra.eventStore.kind})` };
}

/** The event store URL of one service: its own PostgreSQL schema or KurrentDB stream namespace. */
export function eventStoreUrlFor(service: string, store: Infrastructure['eventStore']): string {
  return store.kind === 'postgres' ? withParameter(store.url, 'schema', `${store.schemaPrefix}${identifier(service)}`) : withParameter(store.url, 'namespace', identifier(service));
}

/** The environment of one instance of a service: the same for Compose and for `stack up`. */
export function environmentFor(service: DeployedService, infra: Infrastructure, instance = 1): Record<string, string> {
  const base = infra.mongoUrl.endsWith('/') ? infra.mongoUrl : `${infra.mongoUrl}/`;
  return {
    PORT: String(service.port),
    DATA_DIR: infra.dataDir(service.name, instance),
    EVENT_STORE_URL: eventStoreUrlFor(service.name, infra.eventStore),
    PROJECTION_STORE_URL: `${base}${infra.mongoDatabasePrefix}${identifier(service.name)}`,
    KAFKA_BROKERS: infra.kafkaBrokers,
    ...(infra.kafkaNamespace ? { KAFKA_NAMESPACE: infra.kafkaNamespace } : {}),
    KAFKA_TOPIC_PARTITIONS: String(infra.partitions),
    // A process with the development issuer is not a production one (it refuses to start under NODE_ENV=production).
    ...(infra.devKeyFile
      ? { NODE_ENV: 'development', AUTH_DEV_ISSUER: 'true', AUTH_DEV_KEY_FILE: infra.devKeyFile, ...(infra.devIssuerAllowRemote ? { AUTH_DEV_ISSUER_ALLOW_REMOTE: 'true' } : {}) }
      : { NODE_ENV: 'production', AUTH_DEV_ISSUER: 'false' }),
    ...(infra.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: infra.otlpEndpoint, OTEL_SERVICE_NAME: service.name } : { OTEL_SDK_DISABLED: 'true' }),
  };
}

export function deployedService(name: string): DeployedService {
  const service = DEPLOYED_SERVICES.find((s) => s.name === name);
  if (!service) throw new Error(`There is no service named "${name}" (services: ${DEPLOYED_SERVICES.map((s) => s.name).join(', ')}).`);
  return service;
}

/** The topics the platform uses: each service's event topic and its dead-letter topic. */
export const platformTopics = (namespace = 'leerzone'): string[] => DEPLOYED_SERVICES.flatMap((s) => [`${namespace}.${s.name}.events`, `${namespace}.${s.name}.events.dlq`]);

/** How Compose wires it: host names of the compose services, volumes, the collector. */
export const COMPOSE_INFRASTRUCTURE: Infrastructure = {
  kafkaBrokers: 'kafka:9092',
  partitions: 6,
  mongoUrl: 'mongodb://mongo:27017/',
  mongoDatabasePrefix: 'leerzone_',
  eventStore: { kind: 'kurrentdb', url: 'kurrentdb://kurrentdb:2113?tls=false' },
  devKeyFile: '/keys/dev-signing-key.json',
  devIssuerAllowRemote: true,
  otlpEndpoint: 'http://otel-collector:4318',
  dataDir: () => '/data',
};

/** The PostgreSQL override (infra/compose/postgres.yml): the same, with the event store on PostgreSQL. */
export const COMPOSE_POSTGRES_EVENT_STORE: Infrastructure['eventStore'] = { kind: 'postgres', url: 'postgres://leerzone:leerzone@postgres:5432/leerzone', schemaPrefix: 'events_' };
