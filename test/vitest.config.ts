import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // The federation test starts the real server: type-graphql and MikroORM read legacy
  // decorators and their design-time metadata (see server/vitest.config.ts).
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: {
    // One graphql for our code and Apollo's (see server/vitest.config.ts).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    name: 'system',
    include: [
      'bench/**/*.test.ts',
      'contract/**/*.test.ts',
      'federation/**/*.test.ts',
      'e2e/**/*.test.ts',
      'scale/**/*.test.ts',
    ],
    // The server's harness: a throwaway real PostgreSQL, one database per test file.
    globalSetup: ['../server/test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
