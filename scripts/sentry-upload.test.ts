import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, 'sentry-upload.mjs');

function run(env: Record<string, string>, args: string[] = []) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SENTRY_')));
  return spawnSync(process.execPath, [script, ...args], { env: { ...base, ...env }, encoding: 'utf8' });
}

describe('npm run sentry:upload', () => {
  it('explains what it needs and exits 0 without SENTRY_AUTH_TOKEN', () => {
    const result = run({});
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('SENTRY_AUTH_TOKEN is not set, nothing uploaded');
    expect(result.stdout).toContain('titm-ai-coach@');
  });

  it('refuses a token without the organization and project', () => {
    const result = run({ SENTRY_AUTH_TOKEN: 'sntrys_fake' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SENTRY_ORG and SENTRY_PROJECT must be set');
  });

  it('injects debug ids, then uploads every bundle under the app release', () => {
    const result = run({ SENTRY_AUTH_TOKEN: 'sntrys_fake', SENTRY_ORG: 'o', SENTRY_PROJECT: 'p' }, ['--dry-run']);
    expect(result.status).toBe(0);
    const commands = result.stdout.split('\n').filter((line) => line.startsWith('sentry-cli'));
    const bundles = 'out/renderer/assets out/host out/main out/preload';
    expect(commands).toEqual([`sentry-cli sourcemaps inject ${bundles}`, expect.stringMatching(new RegExp(`^sentry-cli sourcemaps upload --release titm-ai-coach@\\d+\\.\\d+\\.\\d+ ${bundles}$`))]);
  });
});
