import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Two projects: `unit` is pure and parallel; `integration` shares ONE real Neo4j started by
// its globalSetup and runs its files one after another, since they share that database.
export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; point every import there too, or
    // graphql sees two copies of itself ("Cannot use GraphQLScalarType from another realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A bound against hangs, not a speed test: on a busy 2-core machine a CPU-heavy unit test
          // (hostile texts, 40,000-row plans) took 8.5 s against vitest's 5 s default. Speed is
          // asserted as CPU-time ratios (parse-scale.test.ts), never by the clock.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
