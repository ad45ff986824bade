import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer alone. `base: './'` so the same build loads from file:// in Electron and from the
// local API server in web mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // The page loads from disk or loopback, never over a network: one bundle of a couple of MB is
    // fine, and the default 500 kB warning would only be noise in `npm start`.
    chunkSizeWarningLimit: 4096,
  },
});
