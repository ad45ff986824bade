// better-sqlite3 is a native module: `npm install` builds it for Node's ABI, which the tests and web
// mode use. Electron has its own ABI, so the desktop app gets a second build, kept beside the first
// (node_modules/.cache/titm/electron-sqlite/<electron version>/) and handed to the app through
// TITM_SQLITE_BINDING. Rebuilding in place would break the Node side. Packaged apps need none of
// this: electron-builder rebuilds the module inside the package (npmRebuild).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Path of an Electron-ABI build of better-sqlite3's addon, building it the first time. */
export function ensureElectronSqliteBinding() {
  const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).version;
  const dir = path.join(root, 'node_modules/.cache/titm/electron-sqlite', `${electronVersion}-${sqliteVersion}`);
  const binding = path.join(dir, 'build/Release/better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;

  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)...`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(source, dir, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
  const electronArgs = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
  try {
    // A prebuilt addon for this Electron when one is published; else compile against Electron's headers.
    execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), ...electronArgs], { cwd: dir, stdio: 'inherit' });
  } catch {
    const gypArgs = [`--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'];
    execFileSync(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', ...gypArgs], {
      cwd: dir,
      stdio: 'inherit',
    });
  }
  if (!fs.existsSync(binding)) throw new Error(`better-sqlite3 build for Electron ${electronVersion} produced no ${binding}`);
  return binding;
}
