import { resolve } from 'node:path';
import { startServices } from '@leerzone/service-kit';
import { STANDALONE_SERVICES } from './standalone.services';
import { serveWebApp } from './web-app/serve-web-app';
import { webConfigFromEnvironment } from './web-app/web-config';

// The web app's settings (WEB_*), checked before anything starts: a bad value stops the process, naming the variable.
let web: ReturnType<typeof webConfigFromEnvironment>;
try {
  web = webConfigFromEnvironment(process.env);
} catch (error) {
  console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

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
    // Without WEB_TRACE_URL_TEMPLATE the audit page shows the trace id (no trace viewer in the bare-machine mode).
    serveWebApp(app.getHttpServer(), {
      distDir: resolve(__dirname, '../../web/dist'),
      config: { ...web, devIssuer: !!config.auth.devIssuer },
    });
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
