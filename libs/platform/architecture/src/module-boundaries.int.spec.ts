import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Proves the boundary matrix in eslint.config.mjs bites: code placed in a project is
 * linted as that project's code, and forbidden imports are errors. (The fixtures are
 * linted as text under a path inside the project; nothing is written to disk.)
 */
const root = resolve(__dirname, '../../../..');

describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads Nx's project graph; make sure it is computed and cached.
    execFileSync(resolve(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, stdio: 'ignore' });
  });

  // The ESLint CLI in a child process: the same config and plugins `npm run lint` uses.
  const lint = async (path: string, code: string, rules = ['@nx/enforce-module-boundaries']): Promise<string[]> => {
    let output: string;
    try {
      output = execFileSync(process.execPath, [resolve(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', resolve(root, path), '--format', 'json'], {
        cwd: root,
        input: code,
        encoding: 'utf8',
      });
    } catch (error) {
      // Exit code 1 means lint errors were found; the JSON report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const [result] = JSON.parse(output) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
    return result!.messages.filter((m) => m.ruleId !== null && rules.includes(m.ruleId)).map((m) => m.message);
  };

  it('fails when a domain library imports Nest', async () => {
    const messages = await lint('libs/governance/domain/src/boundary-fixture.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(messages.join('\n')).toMatch(/imports of "@nestjs\/common" are banned|@nestjs/);
  });

  it('fails when a domain library imports an adapter or node I/O', async () => {
    const adapter = await lint('libs/governance/domain/src/boundary-fixture.ts', "import { SqliteEventStore } from '@leerzone/event-store-sqlite';\nexport const x = SqliteEventStore;\n");
    expect(adapter.join('\n')).toMatch(/type:domain/);
    const io = await lint('libs/governance/domain/src/boundary-fixture.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", ['no-restricted-imports']);
    expect(io.join('\n')).toMatch(/Domain code does no I\/O/);
  });

  it('fails when a platform library reaches into a bounded context', async () => {
    const messages = await lint('libs/platform/test-servers/src/boundary-fixture.ts', "import { teamDecider } from '@leerzone/governance-domain';\nexport const x = teamDecider;\n");
    expect(messages.join('\n')).toMatch(/scope:platform/);
  });

  it('allows what the matrix allows: a domain library using the kernel', async () => {
    const messages = await lint('libs/governance/domain/src/boundary-fixture.ts', "import { reject } from '@leerzone/kernel';\nexport const x = reject;\n");
    expect(messages).toEqual([]);
  });

  describe('domain code is deterministic', () => {
    const domainFile = 'libs/okr/domain/src/boundary-fixture.ts';
    it.each([
      ['uuid', "import { v7 } from 'uuid';\nexport const x = v7;\n", /mints no ids/],
      ['events', "import { EventEmitter } from 'events';\nexport const x = EventEmitter;\n", /emits nothing/],
      ['timers', "import { setTimeout as wait } from 'timers/promises';\nexport const x = wait;\n", /does not wait/],
      ['@opentelemetry/api', "import { trace } from '@opentelemetry/api';\nexport const x = trace;\n", /not traced/],
    ])('fails when a domain library imports %s', async (_, code, message) => {
      expect((await lint(domainFile, code, ['no-restricted-imports'])).join('\n')).toMatch(message);
    });

    it.each([
      ['Date.now()', 'export const x = () => Date.now();\n', /reads no clock/],
      ['new Date()', 'export const x = () => new Date();\n', /reads no clock/],
      ['Math.random()', 'export const x = () => Math.random();\n', /draws no random numbers/],
    ])('fails when domain code calls %s', async (_, code, message) => {
      expect((await lint(domainFile, code, ['no-restricted-syntax'])).join('\n')).toMatch(message);
    });

    it('fails when domain code schedules with setTimeout, and allows dates computed from arguments', async () => {
      expect((await lint(domainFile, 'export const x = (f: () => void) => setTimeout(f, 10);\n', ['no-restricted-globals'])).join('\n')).toMatch(/does not wait or schedule/);
      expect(await lint(domainFile, "export const x = (now: Date) => new Date(now.getTime() + 1);\n", ['no-restricted-syntax', 'no-restricted-globals'])).toEqual([]);
    });
  });

  it('fails when an application library imports Nest or a driver', async () => {
    const file = 'libs/platform/projections/src/boundary-fixture.ts';
    expect((await lint(file, "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n")).join('\n')).toMatch(/@nestjs\/common/);
    expect((await lint(file, "import { Pool } from 'pg';\nexport const x = Pool;\n")).join('\n')).toMatch(/"pg"/);
  });

  it('fails when a controller reads the clock instead of taking it from the CLOCK token', async () => {
    const file = 'services/okr/src/cycles/boundary-fixture/boundary-fixture.controller.ts';
    expect((await lint(file, 'export const x = () => new Date();\n', ['no-restricted-syntax'])).join('\n')).toMatch(/CLOCK token/);
    expect((await lint(file, 'export const x = () => Date.now();\n', ['no-restricted-syntax'])).join('\n')).toMatch(/CLOCK token/);
    expect(await lint(file, 'export const x = (clock: () => Date) => clock();\n', ['no-restricted-syntax'])).toEqual([]);
  });

  it('lets a service test host governance, but not the service itself', async () => {
    const code = "import { governanceService } from '@leerzone/governance-service';\nexport const x = governanceService;\n";
    expect(await lint('services/okr/src/boundary-fixture.int.spec.ts', code)).toEqual([]);
    expect((await lint('services/okr/src/boundary-fixture.ts', code)).join('\n')).toMatch(/scope:okr/);
  });
});
