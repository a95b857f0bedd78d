// The browser application's build. Target: the Chromium 78–86 cores of 360 安全浏览器 and the
// other 信创 browsers, so the output keeps to ES2019 syntax plus dynamic import() and
// import.meta (which Chrome 63+ runs); test/e2e/bundle-syntax.test.ts parses every chunk to
// prove it. Runtime APIs newer than Chrome 78 come from src/polyfills.ts.

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.ZEREN_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: process.env.ZEREN_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    target: ['es2019', 'chrome78'],
    cssTarget: 'chrome78',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // Libraries in chunks of their own, named, so a new build of the screens keeps them cached.
        // Higher priorities claim shared modules first: React must not land in the ECharts chunk
        // (which only a chart loads) through echarts-for-react's import of it.
        advancedChunks: {
          groups: [
            { name: 'polyfills', priority: 40, test: /node_modules[\\/]core-js[\\/]/ },
            {
              name: 'react',
              priority: 30,
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/,
            },
            {
              name: 'antd',
              priority: 20,
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|dayjs|@babel|@emotion|stylis)[\\/]/,
            },
            {
              name: 'echarts',
              priority: 10,
              test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|tslib)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
});
