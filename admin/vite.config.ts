import { fileURLToPath } from 'node:url';
import vueI18n from '@intlify/unplugin-vue-i18n/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const api = { '/graphql': { target: 'http://localhost:4000', changeOrigin: true } };

export default defineConfig({
  plugins: [
    vue(),
    // kk/ru/en messages are precompiled: no message compiler work in the browser.
    vueI18n({
      include: [fileURLToPath(new URL('./src/i18n/*/*.json', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
    }),
  ],
  server: { proxy: api },
  preview: { proxy: api },
  build: { target: 'es2022', sourcemap: false, manifest: true },
  test: {
    name: 'admin',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
