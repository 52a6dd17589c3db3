import { defineConfig } from 'vitest/config';

export default defineConfig({
  // type-graphql and MikroORM read legacy decorators and their design-time metadata.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
