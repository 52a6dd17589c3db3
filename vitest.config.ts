import { defineConfig } from 'vitest/config';

// One run for the whole workspace: every package keeps its own config.
export default defineConfig({
  test: {
    projects: ['packages/*', 'server', 'test', 'admin'],
    reporters: ['default', './vitest.summary-reporter.ts'],
  },
});
