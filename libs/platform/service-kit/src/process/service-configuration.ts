/**
 * Every environment variable a service process reads, in one declared list: what the
 * operator documentation, the Compose file and `stack up` are checked against (a test in
 * the CLI scans the code for variable reads and fails on one that is not declared here).
 *
 * `default` is what happens when the variable is unset, in words; `required` marks a
 * variable a deployment must set (nothing sensible happens without it).
 */
export interface ConfigVariable {
  readonly name: string;
  /** What an unset variable means, e.g. `3001 (the service's port)` or `unset → in-process bus`. */
  readonly default: string;
  readonly meaning: string;
  /** Only these services read it (default: every service process). */
  readonly services?: readonly string[];
  /** Set by a parent process (the test kit, `stack up`), not by an operator. */
  readonly internal?: boolean;
}

export const SERVICE_CONFIGURATION: readonly ConfigVariable[] = [
  { name: 'PORT', default: "the service's port (governance 3001, analytics 3002, okr 3003, assessment 3004, failure-learning 3005); 0 binds a free one", meaning: 'HTTP listener port' },
  { name: 'HOST', default: '0.0.0.0', meaning: 'HTTP listener address' },
  { name: 'DATA_DIR', default: './data/<service>', meaning: 'SQLite store, relay checkpoints, keys, the personal-data vault' },
  { name: 'EVENT_STORE_URL', default: 'sqlite:<DATA_DIR>/events.db', meaning: 'the event store: sqlite:<path>, postgres://…?schema=<s>, kurrentdb://…&namespace=<n>' },
  { name: 'PROJECTION_STORE_URL', default: 'memory: (rebuilt at every start)', meaning: 'read models: memory: or mongodb://host:port/<database>' },
  { name: 'AUTH_DEV_ISSUER', default: 'false (true in standalone)', meaning: 'the development token issuer (POST /api/auth/dev-token): loopback callers only, never a _… tenant, rate-limited; refused at start with NODE_ENV=production, AUTH_ISSUER or AUTH_JWKS_URL' },
  { name: 'AUTH_DEV_KEY_FILE', default: '<DATA_DIR>/dev-signing-key.json', meaning: "the development issuer's ES256 key; processes that accept each other's tokens share it" },
  { name: 'AUTH_JWKS_URL', default: 'unset (then AUTH_DEV_ISSUER must be true)', meaning: "your identity provider's JWKS; keys by kid, refetched for an unknown one (rotation)" },
  { name: 'AUTH_ISSUER', default: 'unset (required with AUTH_JWKS_URL)', meaning: 'the iss tokens must carry' },
  { name: 'AUTH_AUDIENCE', default: 'leerzone', meaning: 'the aud tokens must carry' },
  { name: 'AUTH_DEV_ISSUER_ALLOW_REMOTE', default: 'false (the development issuer answers loopback only)', meaning: 'true: it answers other machines too (behind the entry point); still refused in production' },
  { name: 'AUTH_CLOCK_SKEW_SECONDS', default: '60 (at most 300)', meaning: 'tolerated clock difference with the token issuer, for exp, nbf and iat' },
  { name: 'AUTH_MAX_TOKEN_AGE_SECONDS', default: 'unset → no limit beyond exp', meaning: 'tokens issued (iat) longer ago than this are refused; iat becomes required' },
  { name: 'AUTH_JWKS_COOLDOWN_SECONDS', default: '30', meaning: 'least time between two JWKS refetches for unknown kids' },
  { name: 'NODE_ENV', default: 'unset (production in the image)', meaning: 'production: a process that refuses the development issuer' },
  { name: 'CORS_ORIGINS', default: 'unset → CORS closed', meaning: 'comma-separated origins allowed to call the API from a browser' },
  { name: 'RATE_LIMIT_WINDOW_SECONDS', default: '60', meaning: 'the rate limits’ window' },
  { name: 'RATE_LIMIT_PER_USER', default: '3000', meaning: 'requests per user per window' },
  { name: 'RATE_LIMIT_PER_TENANT', default: '12000', meaning: 'requests per tenant per window' },
  { name: 'RATE_LIMIT_PER_ADDRESS', default: '1200', meaning: 'requests per client address per window' },
  { name: 'RATE_LIMIT_DEV_TOKENS', default: '300', meaning: 'development tokens per window' },
  { name: 'TRUSTED_PROXIES', default: 'unset → none (limits count the TCP peer)', meaning: 'comma-separated proxy addresses or CIDR ranges whose X-Forwarded-For names the client for per-address limits' },
  { name: 'AUDIT_SIGNING_KEY_FILE', default: '<DATA_DIR>/audit-signing-key.pem', meaning: 'Ed25519 key for audit checkpoints' },
  { name: 'PERSONAL_DATA_VAULT_FILE', default: '<DATA_DIR>/personal-data-vault.db', meaning: 'the per-person keys (erasing a person destroys theirs)' },
  {
    name: 'PERSONAL_DATA_VAULT_URL',
    default: 'unset → the SQLite file PERSONAL_DATA_VAULT_FILE',
    meaning: 'postgres://…[?schema=…]: the per-person keys in PostgreSQL, shared by every service and `leerzone erase person` / `subject-access`',
  },
  { name: 'KAFKA_BROKERS', default: 'unset → in-process bus', meaning: 'comma-separated host:port of the Kafka bootstrap servers' },
  { name: 'KAFKA_NAMESPACE', default: 'leerzone', meaning: 'topic prefix: <namespace>.<service>.events' },
  { name: 'KAFKA_TOPIC_PARTITIONS', default: '6', meaning: 'partitions of topics this process creates (the most instances one consumer group can spread over)' },
  { name: 'KAFKA_TOPIC_REPLICATION_FACTOR', default: '1', meaning: 'copies of each partition (3 in production)' },
  { name: 'KAFKA_SESSION_TIMEOUT_MS', default: '30000', meaning: 'how long a dead consumer keeps its partitions' },
  { name: 'OKR_STATUS_THRESHOLDS', default: 'unset → DEFAULT_STATUS_THRESHOLDS for every tenant', meaning: 'per-tenant key-result status thresholds (JSON)', services: ['okr'] },
  { name: 'GOVERNANCE_SCHEDULER_INTERVAL_MS', default: '15000', meaning: 'how often governance adopts boundary changes whose consent deadline passed; 0 turns it off', services: ['governance'] },
  { name: 'WEB_OIDC_ISSUER', default: 'AUTH_ISSUER', meaning: "the web app's OpenID provider (discovery at <issuer>/.well-known/openid-configuration); on with WEB_OIDC_CLIENT_ID", services: ['standalone'] },
  { name: 'WEB_OIDC_CLIENT_ID', default: 'unset → no provider sign-in in the web app', meaning: "the web app's client at the provider: public (no secret), authorization code + PKCE S256, redirect URI <origin>/", services: ['standalone'] },
  { name: 'WEB_OIDC_SCOPE', default: 'openid', meaning: 'the scopes the web app asks for (must include openid)', services: ['standalone'] },
  { name: 'WEB_OIDC_RESOURCE', default: "unset → the provider's default audience", meaning: 'RFC 8707 resource indicator sent with the sign-in, for providers that issue the API’s access token per resource', services: ['standalone'] },
  { name: 'WEB_TRACE_URL_TEMPLATE', default: 'unset → the audit page shows the trace id', meaning: "the audit page's trace link, {traceId} filled in (compose: Jaeger's)", services: ['standalone'] },
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', default: 'unset → telemetry off', meaning: 'OTLP/HTTP collector (traces and metrics)' },
  { name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', default: 'unset', meaning: 'OTLP/HTTP endpoint for traces only' },
  { name: 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', default: 'unset', meaning: 'OTLP/HTTP endpoint for metrics only' },
  { name: 'OTEL_TRACES_EXPORTER', default: 'otlp when an endpoint is set, else none', meaning: 'otlp, console or none' },
  { name: 'OTEL_METRICS_EXPORTER', default: 'otlp when an endpoint is set, else none', meaning: 'otlp, console or none' },
  { name: 'OTEL_METRIC_EXPORT_INTERVAL', default: '60000', meaning: 'milliseconds between metric exports' },
  { name: 'OTEL_SDK_DISABLED', default: 'false', meaning: 'true turns telemetry off whatever else is set' },
  { name: 'OTEL_SERVICE_NAME', default: "the service's name", meaning: 'service.name in traces, metrics and logs' },
  { name: 'OTEL_RESOURCE_ATTRIBUTES', default: 'unset', meaning: 'extra resource attributes (deployment.environment=…)' },
  { name: 'LOG_FORMAT', default: 'JSON lines', meaning: "pretty: Nest's console format while developing" },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'pino log level' },
  { name: 'LEERZONE_INSTANCE_ID', default: 'a random UUID', meaning: 'this instance in /health/live', internal: true },
  { name: 'LEERZONE_PORT_FILE', default: 'unset', meaning: 'where the process writes { port, instanceId, pid } once it listens', internal: true },
];

/** The declared variables the named service reads. */
export const configurationOf = (service: string): readonly ConfigVariable[] =>
  SERVICE_CONFIGURATION.filter((variable) => !variable.services || variable.services.includes(service));
