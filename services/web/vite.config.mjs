import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is static files: standalone serves dist/ at / and the compose nginx does the same.
// No inline scripts or styles end up in index.html, so the strict CSP (script-src 'self') holds.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, modulePreload: { polyfill: false }, assetsInlineLimit: 0 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
