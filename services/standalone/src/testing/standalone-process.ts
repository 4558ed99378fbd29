import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ServiceProcess } from '@leerzone/service-kit/testing';

export { devToken } from '@leerzone/service-kit/testing';

/** The built standalone server as a real OS process, on a port of its own choosing and a fresh data dir. */
export class StandaloneProcess extends ServiceProcess {
  private constructor(readonly dataDir: string, env: NodeJS.ProcessEnv) {
    super('standalone', resolve(__dirname, '../../dist/main.js'), { ...env, DATA_DIR: dataDir });
  }

  static async create(env: NodeJS.ProcessEnv = {}): Promise<StandaloneProcess> {
    return new StandaloneProcess(mkdtempSync(join(tmpdir(), 'leerzone-e2e-')), env);
  }

  override start(timeoutMs = 30_000, path = '/health/live'): Promise<void> {
    return super.start(timeoutMs, path);
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
