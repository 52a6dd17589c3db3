import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql for our code and Apollo's (see server/vitest.config.ts).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    name: 'system',
    include: ['contract/**/*.test.ts', 'federation/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
