// postinstall: makes Electron's type declarations available to `tsc` even when the optional
// `electron` package could not install (its binary download needs the internet). The declarations
// ship inside the npm tarball, so they are taken from the installed package or from `npm pack`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'node_modules/.cache/titm/electron.d.ts');
const installed = path.join(root, 'node_modules/electron/electron.d.ts');

function fromTarball() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const spec = `electron@${pkg.optionalDependencies.electron}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'titm-electron-types-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const out = execFileSync(npm, ['pack', spec, '--silent', '--pack-destination', tmp], { cwd: tmp, encoding: 'utf8', shell: process.platform === 'win32' });
    const tgz = path.join(tmp, out.trim().split('\n').pop());
    execFileSync('tar', ['-xzf', tgz, '-C', tmp, 'package/electron.d.ts']);
    return fs.readFileSync(path.join(tmp, 'package/electron.d.ts'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  const types = fs.existsSync(installed) ? fs.readFileSync(installed) : fromTarball();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, types);
} catch (error) {
  console.warn(`Could not get Electron's type declarations (typecheck of electron/main.ts will fail): ${error.message}`);
}
