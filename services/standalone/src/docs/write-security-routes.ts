import { join } from 'node:path';
import { writeRouteTable } from './security-routes';

/**
 * `node services/standalone/dist/docs/write-security-routes.js [--check]`: writes the route ×
 * role table into docs/security.md from the code; `--check` exits 1 when it is stale.
 */
const file = join(__dirname, '..', '..', '..', '..', 'docs', 'security.md');
const check = process.argv.includes('--check');
const { stale } = writeRouteTable(file, { check });
process.stdout.write(check ? (stale ? 'docs/security.md: the route × role table is stale; run npx nx run @leerzone/standalone:build && node services/standalone/dist/docs/write-security-routes.js\n' : 'docs/security.md: the route × role table is current\n') : `docs/security.md: route × role table ${stale ? 'rewritten' : 'already current'}\n`);
process.exitCode = check && stale ? 1 : 0;
