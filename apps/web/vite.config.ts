import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

/** Two entries: the staff console (/console/) and the public phone page (/m/); they share no page code. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@app/domain': resolve(root, '../../libs/domain/src/index.ts') } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { console: resolve(root, 'console/index.html'), m: resolve(root, 'm/index.html') },
      // ECharts in a chunk of its own: left to the automatic split, it took shared helpers with it and every
      // first load, the phone page's included, fetched it. Only the pages with charts load it now.
      output: { codeSplitting: { groups: [{ name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender|tslib)[\\/]/ }] } },
    },
  },
  server: { host: '127.0.0.1', port: 5173, proxy: { '/api': api, '/health': api } },
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'node' },
});
