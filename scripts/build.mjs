// Builds everything web mode and the desktop shell need, without electron-vite (which needs the
// Electron package): the renderer with Vite, the Node host, Electron main and preload with esbuild.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

export async function buildAll({ quiet = false } = {}) {
  const started = Date.now();
  fs.rmSync(out, { recursive: true, force: true });
  // Always a production renderer build: Vite follows NODE_ENV, which the caller may have set for the
  // host (NODE_ENV=test validates outputs) and must not turn React into its development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'warn' : 'info' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }

  const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, define, logLevel: 'warning', absWorkingDir: root };
  await Promise.all([
    esbuild.build({ ...node, entryPoints: ['electron/web.ts'], outfile: 'out/host/web.mjs', format: 'esm', packages: 'external' }),
    esbuild.build({ ...node, entryPoints: ['electron/main.ts'], outfile: 'out/main/main.mjs', format: 'esm', packages: 'external' }),
    // A sandboxed preload can only require('electron'): everything else is bundled in.
    esbuild.build({ ...node, entryPoints: ['preload/index.ts'], outfile: 'out/preload/preload.cjs', format: 'cjs', external: ['electron'] }),
  ]);
  for (const dir of ['host', 'main']) {
    fs.cpSync(path.join(root, 'electron/db/migrations'), path.join(out, dir, 'migrations'), { recursive: true });
  }
  fs.writeFileSync(path.join(out, '.build-stamp'), new Date().toISOString());
  if (!quiet) console.log(`built out/ in ${Date.now() - started} ms`);
}

const SOURCES = ['shared', 'electron', 'preload', 'renderer', 'package.json', 'vite.config.ts', 'scripts/build.mjs'];

function newestMtime(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

/** True when out/ is missing or older than any source file. */
export function buildIsStale() {
  const stamp = fs.statSync(path.join(out, '.build-stamp'), { throwIfNoEntry: false });
  return !stamp || Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s)))) > stamp.mtimeMs;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const onlyIfStale = process.argv.includes('--if-stale');
  if (!onlyIfStale || buildIsStale()) await buildAll();
}
