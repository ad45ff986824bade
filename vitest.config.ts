import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Tests that run tesseract or Chromium: each keeps a core busy for seconds to a minute and a half.
 * They are their own project, run one file at a time after the others (`npm run test:unit`), so
 * they cannot starve the timing-sensitive tests (imports over the API, the start script) of CPU.
 */
const HEAVY_TESTS = [
  'electron/screenshot/local-extractor*.test.ts',
  'electron/screenshot/ocr/**/*.test.ts',
  'electron/screenshot/preprocess.test.ts',
  'electron/screenshot/testing/**/*.test.ts',
];

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['{electron,preload,shared,renderer,scripts}/**/*.test.{ts,tsx}'], exclude: HEAVY_TESTS } },
      { extends: true, test: { name: 'ocr', include: HEAVY_TESTS, fileParallelism: false } },
    ],
  },
});
