import { defineConfig } from 'vitest/config'

// One runner for every package. Unit tests sit beside the code (`*.test.ts[x]`), integration and
// end-to-end tests in each package's `test/`. DOM tests opt into happy-dom with a
// `// @vitest-environment happy-dom` docblock; end-to-end tests drive real Chromium.
export default defineConfig({
  // Tests run against workspace packages' sources; `@triage/source` is their export condition for that.
  resolve: { conditions: ['@triage/source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['@triage/source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.{ts,tsx}', 'examples/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
