import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that would pull main-process code or Node into the renderer or the shared layer. */
const nodeAndMain = {
  patterns: [
    { group: ['**/electron/**', '**/electron', '**/preload/**'], message: 'renderer/ and shared/ must not import main-process or preload code; go through the contract.' },
    { group: ['node:*'], message: 'renderer/ and shared/ run in the browser: no Node modules.' },
  ],
  paths: [
    { name: 'electron', message: 'Only electron/main.ts and electron/platform/ may import electron.' },
    { name: '@sentry/node', message: 'The renderer uses @sentry/react (browser) or @sentry/electron/renderer.' },
    { name: '@sentry/electron/main', message: 'The renderer uses @sentry/react (browser) or @sentry/electron/renderer.' },
    ...['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'better-sqlite3', 'electron-log'].map((name) => ({
      name,
      message: 'renderer/ and shared/ run in the browser: no Node modules.',
    })),
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', nodeAndMain] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { ...nodeAndMain, paths: [...nodeAndMain.paths] }] },
  },
  {
    // The service layer stays free of Electron so it runs (and is tested) in plain Node.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/main.ts and electron/platform/ may import electron.' },
            { name: '@sentry/electron/main', message: 'Only electron/main.ts and electron/platform/ may import the Electron SDK (see platform/sentry-main.ts).' },
          ],
        },
      ],
    },
  },
);
