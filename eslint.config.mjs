import nx from '@nx/eslint-plugin';

// The architecture, as a lint rule. `scope:X` may use `scope:X` and `scope:platform`;
// the runner composes every scope. Domain code is plain TypeScript: no Nest, no I/O.
const scopes = ['governance', 'okr', 'assessment', 'failure-learning', 'analytics'];
const ioPackages = ['@nestjs/*', 'better-sqlite3', 'pg', 'mongodb', 'kafkajs', '@kurrent/*', 'express', 'jose', 'pino', 'node:*', 'fs', 'path', 'crypto', 'http', 'net', 'child_process'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'infra/**', 'data/**', '**/jest.config.js', '**/jest.*.config.js', 'jest.preset.js'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            ...scopes.map((scope) => ({ sourceTag: `scope:${scope}`, onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:platform'] })),
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
            { sourceTag: 'scope:runner', onlyDependOnLibsWithTags: ['scope:runner', 'scope:platform', ...scopes.map((s) => `scope:${s}`)] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'], bannedExternalImports: ioPackages },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: ['@nestjs/*'] },
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:util'] },
            { sourceTag: 'type:infrastructure', onlyDependOnLibsWithTags: ['type:infrastructure', 'type:application', 'type:domain', 'type:util'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:infrastructure', 'type:application', 'type:domain', 'type:util'] },
            { sourceTag: 'type:runner', onlyDependOnLibsWithTags: ['type:app', 'type:infrastructure', 'type:application', 'type:domain', 'type:util'] },
          ],
        },
      ],
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
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process', 'os', 'worker_threads'], message: 'Domain code does no I/O: take what you need as an argument.' }] }],
    },
  },
];
