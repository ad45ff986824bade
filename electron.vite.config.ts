import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * `electron-vite dev`: the desktop app with the renderer on Vite's dev server (HMR) and main and
 * preload rebuilt on change. It needs the `electron` package installed (electron-vite reads its
 * version), so it is for developer machines only; `node scripts/build.mjs` produces the same out/
 * layout without it and is what packaging and CI use. Keep the two in step:
 *   out/main/main.mjs (ESM) · out/main/migrations/ · out/preload/preload.cjs (CJS) · out/renderer/
 */

/** Absolute, so nothing depends on the directory electron-vite is started from. */
const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const pkg = JSON.parse(fs.readFileSync(fromRoot('./package.json'), 'utf8')) as { version: string };

/** The SQL migrations are read at run time from beside the main bundle (electron/db/migrate.ts). */
function copyMigrations(): Plugin {
  return {
    name: 'titm:copy-migrations',
    closeBundle() {
      fs.cpSync(fromRoot('./electron/db/migrations'), fromRoot('./out/main/migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    plugins: [copyMigrations()],
    build: {
      outDir: fromRoot('./out/main'),
      // Dependencies stay external (better-sqlite3 is native); the format is ES (package.json "type").
      rolldownOptions: {
        input: { main: fromRoot('./electron/main.ts') },
        output: { entryFileNames: '[name].mjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('./out/preload'),
      // A sandboxed preload can only require('electron'): zod and the contract must be bundled in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: fromRoot('./preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('./renderer'),
    plugins: [react()],
    build: {
      outDir: fromRoot('./out/renderer'),
      rolldownOptions: { input: fromRoot('./renderer/index.html') },
    },
  },
});
