import nx from '@nx/eslint-plugin';

// The architecture, as a lint rule. `scope:X` may use `scope:X` and `scope:platform`;
// the runner composes every scope. Domain code is plain TypeScript: no Nest, no I/O.
const scopes = ['governance', 'okr', 'assessment', 'failure-learning', 'analytics'];
const drivers = ['better-sqlite3', 'pg', 'mongodb', 'kafkajs', '@kurrent/*', 'express'];
const ioPackages = ['@nestjs/*', ...drivers, 'jose', 'pino', 'node:*', 'fs', 'path', 'crypto', 'http', 'net', 'child_process'];
// Domain code is deterministic: time, ids and randomness come in as arguments, never from ambient sources.
const ambientNow = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain code reads no clock: take the time from ctx.now (or a `now` argument).' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Domain code reads no clock: take the time from ctx.now (or a `now` argument).' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Domain code draws no random numbers: take a seed or the value as an argument.' },
];
const timers = ['setTimeout', 'setInterval', 'setImmediate'].map((name) => ({ name, message: 'Domain code does not wait or schedule: the application layer does.' }));

// The boundary matrix.
const depConstraints = [
  ...scopes.map((scope) => ({ sourceTag: `scope:${scope}`, onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:platform'] })),
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
  { sourceTag: 'scope:runner', onlyDependOnLibsWithTags: ['scope:runner', 'scope:platform', ...scopes.map((s) => `scope:${s}`)] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'], bannedExternalImports: ioPackages },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: ['@nestjs/*'] },
  // Framework-free machinery: no Nest, no drivers (adapters bring those).
  { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:util'], bannedExternalImports: ['@nestjs/*', ...drivers] },
  { sourceTag: 'type:infrastructure', onlyDependOnLibsWithTags: ['type:infrastructure', 'type:application', 'type:domain', 'type:util'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:infrastructure', 'type:application', 'type:domain', 'type:util'] },
  { sourceTag: 'type:runner', onlyDependOnLibsWithTags: ['type:app', 'type:infrastructure', 'type:application', 'type:domain', 'type:util'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'infra/**', 'data/**', '**/jest.config.js', '**/jest.*.config.js', 'jest.preset.js'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      // Used after explicit length checks; noUncheckedIndexedAccess-style guards would only add noise.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Nx's bannedExternalImports covers npm packages but not Node's built-ins, so the
    // "no I/O in the domain" rule is completed here for every domain library.
    files: ['libs/*/domain/src/**/*.ts', 'libs/platform/kernel/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process', 'os', 'worker_threads'], message: 'Domain code does no I/O: take what you need as an argument.' },
            { group: ['@opentelemetry/*'], message: 'Domain code is not traced from inside: tracing wraps it from outside.' },
          ],
          paths: ['uuid', 'events', 'node:events', 'timers', 'timers/promises'].map((name) => ({ name, message: 'Domain code mints no ids, emits nothing and does not wait: ids come in commands, the application layer schedules.' })),
        },
      ],
    },
  },
  {
    // The kernel's catch-up subscription is its one piece of runtime machinery (it waits for
    // appends), so it alone may use timers.
    files: ['libs/*/domain/src/**/*.ts', 'libs/platform/kernel/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**', 'libs/platform/kernel/src/subscription/**'],
    rules: {
      'no-restricted-syntax': ['error', ...ambientNow],
      'no-restricted-globals': ['error', ...timers],
    },
  },
  {
    // A controller's "now" is the request's (the command context) or the CLOCK token's, so tests can set it.
    files: ['services/*/src/**/*.controller.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Controllers take the time from the CLOCK token or the command context.' }, { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Controllers take the time from the CLOCK token or the command context.' }],
    },
  },
  {
    // The web app's React components: the same relaxed non-null rule as the TypeScript sources.
    files: ['services/web/**/*.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Integration and e2e tests compose services the way a runner does: a service's test may
    // host governance to create teams and members through its real API. Production code may not.
    files: ['services/*/src/**/*.int.spec.ts', 'services/*/src/**/*.e2e.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: ['@leerzone/governance-service'], depConstraints }],
    },
  },
];
