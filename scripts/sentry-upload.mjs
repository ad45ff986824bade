// `npm run sentry:upload`: uploads the build's source maps to Sentry, so the stack traces of the
// renderer, the web-mode host, the Electron main process and the preload show the TypeScript code.
// Needs SENTRY_AUTH_TOKEN, SENTRY_ORG and SENTRY_PROJECT (SENTRY_URL for a self-hosted Sentry);
// without a token it explains and exits 0, so it is safe anywhere. Not run in CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// The same name the app reports its events under (electron/monitoring/monitoring.ts releaseName).
const release = `titm-ai-coach@${pkg.version}`;
const bundles = ['out/renderer/assets', 'out/host', 'out/main', 'out/preload'];
const dryRun = process.argv.includes('--dry-run');

if (!process.env.SENTRY_AUTH_TOKEN) {
  console.log(
    [
      'sentry:upload: SENTRY_AUTH_TOKEN is not set, nothing uploaded.',
      `To upload the source maps of release ${release}, set SENTRY_AUTH_TOKEN (an organization auth token`,
      'with the project:releases scope), SENTRY_ORG and SENTRY_PROJECT, then run `npm run sentry:upload`.',
    ].join('\n'),
  );
  process.exit(0);
}
const missing = ['SENTRY_ORG', 'SENTRY_PROJECT'].filter((key) => !process.env[key]);
if (missing.length) {
  console.error(`sentry:upload: ${missing.join(' and ')} must be set as well (the organization and project slugs).`);
  process.exit(1);
}

if (!dryRun) {
  const { buildAll, buildIsStale } = await import('./build.mjs');
  if (buildIsStale()) await buildAll();
  // Uploading bundles without their maps would "succeed" and leave the stack traces minified.
  const unmapped = bundles.flatMap((dir) => {
    const files = fs.existsSync(path.join(root, dir)) ? fs.readdirSync(path.join(root, dir)) : [];
    const scripts = files.filter((file) => /\.(?:m|c)?js$/.test(file));
    return scripts.length ? scripts.filter((file) => !files.includes(`${file}.map`)).map((file) => `${dir}/${file}`) : [`${dir}/ (no bundle)`];
  });
  if (unmapped.length) {
    console.error(`sentry:upload: no source map for ${unmapped.join(', ')}; check scripts/build.mjs.`);
    process.exit(1);
  }
}

// Debug IDs tie each bundle to its map whatever its path on the user's machine; then the upload.
const steps = [
  ['sourcemaps', 'inject', ...bundles],
  ['sourcemaps', 'upload', '--release', release, ...bundles],
];
const cli = createRequire(import.meta.url).resolve('@sentry/cli/bin/sentry-cli');
for (const args of steps) {
  console.log(`sentry-cli ${args.join(' ')}`);
  if (dryRun) continue;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`sentry:upload: sentry-cli ${args[0]} ${args[1]} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}
console.log(dryRun ? 'sentry:upload: dry run, nothing uploaded.' : `sentry:upload: source maps of ${release} uploaded.`);
