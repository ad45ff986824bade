import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

function electronInstalled(): boolean {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary);
  } catch {
    return false;
  }
}

/** Runs the start script the way `npm start` / `npm run serve` do, and waits for the ready line. */
async function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'titm-start-'));
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    env: { ...process.env, TITM_DATA_DIR: dataDir, TITM_PORT: '0', ...env },
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /TITM AI Coach ready: (http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[0].slice('TITM AI Coach ready: '.length));
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`start.mjs exited with ${code} before ready:\n${output}`));
    });
  });
  const [base, token] = url.split('/#token=') as [string, string];
  return { child, base, token, dataDir, exited, output: () => output };
}

describe('start script (web mode)', () => {
  it('npm run serve: builds if needed, serves the app and the API, and shuts down cleanly on SIGTERM', async () => {
    const app = await start(['--serve']);
    expect(app.token).toMatch(/^[\w-]{32}$/);
    expect((await fetch(`${app.base}/health`)).status).toBe(200);
    expect(await (await fetch(`${app.base}/health/ready`)).json()).toMatchObject({ ready: true });
    const page = await fetch(`${app.base}/`);
    expect(await page.text()).toContain('<div id="root">');
    const rpc = await fetch(`${app.base}/api/rpc/app:info`, { method: 'POST', headers: { authorization: `Bearer ${app.token}` } });
    expect(await rpc.json()).toMatchObject({ mode: 'web', dataDir: app.dataDir });
    expect(app.output()).not.toContain('Electron is not installed');

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.output()).toContain('"msg":"host stopped"');
    expect(fs.existsSync(path.join(app.dataDir, 'logs', 'main.log'))).toBe(true);
  });

  it.skipIf(electronInstalled())('npm start without the Electron binary says so and falls back to web mode', async () => {
    const app = await start([], { TITM_NO_OPEN: '1' });
    expect(app.output()).toContain('Electron is not installed');
    expect((await fetch(`${app.base}/health`)).status).toBe(200);
    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
  });

  it('refuses a non-loopback TITM_HOST with a clear message', async () => {
    await expect(start(['--serve'], { TITM_HOST: '0.0.0.0' })).rejects.toThrow(/Refusing to bind the local API to 0\.0\.0\.0/);
  });
});
