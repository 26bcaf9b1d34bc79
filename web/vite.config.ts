import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Built with `vite build web` (the root is this folder, so paths here are relative to web/). The server serves
 * web/dist at / with a fallback to index.html for the client-side routes (/map, /events, /data).
 * In development, `vite web` proxies /api to a running `vigie serve` (VIGIE_API, default http://127.0.0.1:8080).
 */
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: { '/api': process.env['VIGIE_API'] ?? 'http://127.0.0.1:8080' },
  },
});
