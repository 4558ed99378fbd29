import { runServices } from '@leerzone/service-kit';
import { STANDALONE_SERVICES } from './standalone.services';

runServices(STANDALONE_SERVICES, {
  processName: 'standalone',
  defaultPort: 3000,
  title: 'Leerzone (standalone)',
  banner: 'Leerzone',
  description: 'Every Leerzone service in one process on the embedded default. Get a token at POST /api/auth/dev-token.',
  // The bare-machine defaults: data under ./data, the development token issuer on, and so
  // only reachable from this machine unless HOST says otherwise.
  envDefaults: { DATA_DIR: './data', AUTH_DEV_ISSUER: 'true', HOST: '127.0.0.1' },
  // The in-process bus whatever the environment says: standalone is the bare-machine mode,
  // and a KAFKA_BROKERS left in the shell must not turn it into a distributed deployment.
  messagingEnv: {},
});
