// `npm start`: build if needed, then the desktop app when the Electron binary is installed, else
// web mode. `npm run serve` (--serve): web mode without opening a browser, for scripts and tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAll, buildIsStale } from './build.mjs';
import { ensureElectronSqliteBinding } from './electron-sqlite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serveOnly = process.argv.includes('--serve');

/** The Electron binary's path, or undefined when the optional dependency is not installed. */
function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

if (buildIsStale()) {
  console.log('Building TITM AI Coach...');
  await buildAll({ quiet: true });
}

const electron = serveOnly ? undefined : electronBinary();
if (electron) {
  const env = { ...process.env, TITM_SQLITE_BINDING: ensureElectronSqliteBinding() };
  const child = spawn(electron, [root], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
} else {
  if (serveOnly) process.env.TITM_NO_OPEN = '1';
  else console.log('Electron is not installed (it is optional: its binary download needs the internet). Starting web mode.');
  await import(pathToFileURL(path.join(root, 'out/host/web.mjs')).href);
}
