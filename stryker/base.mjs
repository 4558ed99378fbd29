// Shared Stryker settings: one run per library, from the repository root
// (`npx stryker run stryker/<lib>.conf.mjs`, or `npm run test:mutation` for all of them).
// Stryker 9.5 (the last on Node 20) with its jest runner; no TypeScript checker is installed,
// so mutants that do not compile are run and fail their tests like any other (they count as
// killed; see docs/testing.md).

/** Files of a library's source that are never mutated: specs, fixtures, barrels, test helpers. */
export const notMutated = ['!**/*.spec.ts', '!**/*.fixtures.ts', '!**/*.fixture.ts', '!**/index.ts', '!**/testing/**'];

/**
 * @param {string} name
 * @param {string} dir the library, relative to the root
 * @param {{ mutate?: string[], testMatch?: string[] }} [options] a subset of files (or `file:line-line` ranges) to mutate, and the specs to run against it
 */
export function libraryConfig(name, dir, options = {}) {
  return {
    $schema: '../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    testRunner: 'jest',
    plugins: ['@stryker-mutator/jest-runner'],
    jest: {
      projectType: 'custom',
      configFile: `${dir}/jest.config.js`,
      // Each mutant runs only the spec files that import its file (jest --findRelatedTests),
      // filtered to the tests that covered it: about 5× faster than every spec file per mutant.
      enableFindRelatedTests: true,
      // The fast-check properties (*.property.spec.ts) are left out of mutant runs: each mutant
      // re-runs the suite, and their thousands of random sequences would multiply the run time.
      config: {
        testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '\\.property\\.spec\\.ts$'],
        ...(options.testMatch ? { testMatch: options.testMatch } : {}),
      },
    },
    mutate: options.mutate ?? [`${dir}/src/**/*.ts`, ...notMutated],
    // Only what the library's unit tests need goes into the sandbox (the rest of the tree is large
    // and edited by others meanwhile); node_modules is linked, so other workspace packages resolve
    // to the working tree unmutated.
    ignorePatterns: ['/*', '!/jest.preset.js', '!/.swcrc.json', '!/package.json', '!/tsconfig.base.json', '!/libs', '/libs/*/*', `!/${dir}`, '**/dist', '**/node_modules'],
    coverageAnalysis: 'perTest',
    concurrency: 2,
    // A mutant that loops for ever is stopped after the tests' own time × 2 + 5 s (Stryker's default).
    timeoutMS: 5_000,
    timeoutFactor: 2,
    // Reruns test only the mutants whose code or covering tests changed since the last run.
    incremental: true,
    incrementalFile: `stryker/reports/${name}.incremental.json`,
    tempDirName: `stryker/.tmp/${name}`,
    cleanTempDir: 'always',
    reporters: ['clear-text', 'progress-append-only', 'json'],
    jsonReporter: { fileName: `stryker/reports/${name}.json` },
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
    thresholds: { high: 90, low: 85, break: null },
  };
}
