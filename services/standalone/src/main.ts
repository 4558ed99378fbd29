import { resolve } from 'node:path';
import { startServices } from '@leerzone/service-kit';
import { STANDALONE_SERVICES } from './standalone.services';
import { serveWebApp } from './web-app/serve-web-app';

startServices(STANDALONE_SERVICES, {
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
})
  .then(({ app, config }) => {
    // The web app (services/web, built into its dist/) at `/`, beside the API on the same port.
    serveWebApp(app.getHttpServer(), {
      distDir: resolve(__dirname, '../../web/dist'),
      // No trace viewer in the bare-machine mode: the audit page shows the trace id (compose links Jaeger).
      traceUrlTemplate: null,
      devIssuer: !!config.auth.devIssuer,
    });
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
