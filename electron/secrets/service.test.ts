import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyName } from '../../shared/schemas/keys';
import { EventBus } from '../contract/event-bus';
import { createLogger } from '../observability/logger';
import { makeTempDir } from '../testing/test-host';
import type { Encryptor } from './encryptor';
import { SecretsService, type SecretsServiceOptions } from './service';

const OPENAI = 'sk-proj-Zq8vW3nR5tY7uI9oP1aS2dF4';
const MASSIVE = 'mK7hG2jL9pQ4rT6wX8zC1vB3nM5';

/** A stand-in for safeStorage that really transforms the bytes (XOR), and can be switched off. */
function xorEncryptor(available = true): Encryptor & { calls: number } {
  const flip = (data: Buffer) => Buffer.from(data.map((byte) => byte ^ 0x5a));
  return {
    calls: 0,
    isAvailable: () => available,
    encrypt(text) {
      this.calls++;
      return Buffer.concat([Buffer.from('v10'), flip(Buffer.from(text, 'utf8'))]);
    },
    decrypt(data) {
      if (data.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext');
      return flip(data.subarray(3)).toString('utf8');
    },
  };
}

describe('SecretsService', () => {
  let dir: string;
  let file: string;
  let logs: string[];
  let emitted: unknown[];

  const make = (options: Partial<SecretsServiceOptions> = {}) => {
    const events = new EventBus(true);
    events.subscribe((name, payload) => emitted.push({ name, payload }));
    return new SecretsService({
      file,
      fallback: {},
      logger: createLogger({ level: 'debug', console: false, sink: (line) => logs.push(line) }),
      events,
      clock: () => new Date('2026-03-10T14:00:00.000Z'),
      ...options,
    });
  };

  beforeEach(() => {
    dir = makeTempDir('titm-secrets-');
    file = path.join(dir, 'secrets.json');
    logs = [];
    emitted = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('saves a key encrypted with the injected Encryptor in a 0600 file, and reads it back after a restart', () => {
    const encryptor = xorEncryptor();
    const secrets = make({ encryptor });
    expect(secrets.storage).toBe('encrypted');
    expect(secrets.set('OPENAI_API_KEY', OPENAI)).toEqual({ name: 'OPENAI_API_KEY', source: 'saved', last4: '2dF4', updatedAt: '2026-03-10T14:00:00.000Z' });
    expect(encryptor.calls).toBe(1);
    expect(secrets.get('OPENAI_API_KEY')).toBe(OPENAI);

    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(OPENAI);
    const stored = JSON.parse(text) as { keys: Record<string, { encrypted: boolean; data: string }> };
    expect(stored.keys.OPENAI_API_KEY!.encrypted).toBe(true);
    expect(encryptor.decrypt(Buffer.from(stored.keys.OPENAI_API_KEY!.data, 'base64'))).toBe(OPENAI);

    expect(make({ encryptor: xorEncryptor() }).get('OPENAI_API_KEY')).toBe(OPENAI);
  });

  it('without encryption keeps the value in a file only the owner can read', () => {
    const secrets = make({ encryptor: xorEncryptor(false) });
    expect(secrets.storage).toBe('owner-only-file');
    secrets.set('MASSIVE_API_KEY', MASSIVE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      keys: { MASSIVE_API_KEY: { encrypted: false, data: MASSIVE, updatedAt: '2026-03-10T14:00:00.000Z' } },
    });
    expect(make().get('MASSIVE_API_KEY')).toBe(MASSIVE);
  });

  it('narrows a file that others can read back to 0600', () => {
    make().set('MASSIVE_API_KEY', MASSIVE);
    fs.chmodSync(file, 0o644);
    expect(make().get('MASSIVE_API_KEY')).toBe(MASSIVE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(logs.join('\n')).toContain('narrowed to the owner');
  });

  it('masks: the status tells the source and at most the last four characters', () => {
    const secrets = make({ fallback: { SENTRY_DSN: 'https://abcdef0123456789@o1.ingest.sentry.io/4242' } });
    secrets.set('OPENAI_API_KEY', OPENAI);
    secrets.set('MASSIVE_API_KEY', 'short-key'); // under 12 characters: no hint at all
    expect(secrets.list()).toEqual({
      storage: 'owner-only-file',
      keys: [
        { name: 'OPENAI_API_KEY', source: 'saved', last4: '2dF4', updatedAt: '2026-03-10T14:00:00.000Z' },
        { name: 'MASSIVE_API_KEY', source: 'saved', updatedAt: '2026-03-10T14:00:00.000Z' },
        { name: 'SUPABASE_URL', source: 'none' },
        { name: 'SUPABASE_ANON_KEY', source: 'none' },
        { name: 'SENTRY_DSN', source: 'environment', last4: '4242' },
      ],
    });
  });

  it('falls back to the environment when nothing is saved; a saved key wins; clearing restores the environment', () => {
    const secrets = make({ fallback: { MASSIVE_API_KEY: 'env-massive-key-0001', OPENAI_API_KEY: '' } });
    const massive = secrets.getter('MASSIVE_API_KEY');
    expect(massive()).toBe('env-massive-key-0001');
    expect(secrets.get('OPENAI_API_KEY')).toBeUndefined(); // an empty variable is no key
    secrets.set('MASSIVE_API_KEY', MASSIVE);
    expect(massive()).toBe(MASSIVE);
    expect(secrets.status('MASSIVE_API_KEY').source).toBe('saved');
    expect(secrets.clear('MASSIVE_API_KEY')).toEqual({ name: 'MASSIVE_API_KEY', source: 'environment', last4: '0001' });
    expect(massive()).toBe('env-massive-key-0001');
    expect(make().get('MASSIVE_API_KEY')).toBeUndefined(); // the clear reached the file
  });

  it('tells listeners which key changed (never its value) and stops after unsubscribe', () => {
    const secrets = make();
    const seen: { name: KeyName; value: string | undefined }[] = [];
    const stop = secrets.onChange((name) => seen.push({ name, value: secrets.get(name) }));
    secrets.set('SENTRY_DSN', 'https://abc123@sentry.example.com/7');
    secrets.clear('SENTRY_DSN');
    stop();
    secrets.set('SENTRY_DSN', 'https://def456@sentry.example.com/8');
    expect(seen).toEqual([
      { name: 'SENTRY_DSN', value: 'https://abc123@sentry.example.com/7' },
      { name: 'SENTRY_DSN', value: undefined },
    ]);
    expect(emitted).toEqual([
      { name: 'keys:changed', payload: { name: 'SENTRY_DSN', source: 'saved', last4: 'om/7', updatedAt: '2026-03-10T14:00:00.000Z' } },
      { name: 'keys:changed', payload: { name: 'SENTRY_DSN', source: 'none' } },
      { name: 'keys:changed', payload: { name: 'SENTRY_DSN', source: 'saved', last4: 'om/8', updatedAt: '2026-03-10T14:00:00.000Z' } },
    ]);
  });

  it('logs a failing listener without the value it was given', () => {
    const secrets = make();
    const dsn = 'https://abc123@sentry.example.com/7';
    secrets.onChange((name) => {
      throw new Error(`Invalid Sentry Dsn: ${secrets.get(name)}`);
    });
    expect(() => secrets.set('SENTRY_DSN', dsn)).not.toThrow();
    const all = logs.join('\n');
    expect(all).toContain('key change listener failed');
    expect(all).toContain('Invalid Sentry Dsn: [redacted]');
    expect(all).not.toContain(dsn);
    expect(all).not.toContain('abc123');
  });

  it('reports a saved key that cannot be decrypted here, and uses the environment meanwhile', () => {
    make({ encryptor: xorEncryptor() }).set('OPENAI_API_KEY', OPENAI);
    const withoutKeychain = make({ encryptor: xorEncryptor(false), fallback: { OPENAI_API_KEY: 'sk-from-env-00000009' } });
    expect(withoutKeychain.get('OPENAI_API_KEY')).toBe('sk-from-env-00000009');
    expect(withoutKeychain.status('OPENAI_API_KEY')).toEqual({
      name: 'OPENAI_API_KEY',
      source: 'environment',
      last4: '0009',
      updatedAt: '2026-03-10T14:00:00.000Z',
      problem: expect.stringContaining('cannot be decrypted on this machine'),
    });
    const broken = { ...xorEncryptor(), decrypt: () => { throw new Error('Error while decrypting the ciphertext'); } };
    expect(make({ encryptor: broken }).status('OPENAI_API_KEY')).toMatchObject({ source: 'none', problem: expect.any(String) });
    // Saving again repairs it.
    withoutKeychain.set('OPENAI_API_KEY', OPENAI);
    expect(withoutKeychain.status('OPENAI_API_KEY')).toEqual({ name: 'OPENAI_API_KEY', source: 'saved', last4: '2dF4', updatedAt: '2026-03-10T14:00:00.000Z' });
    expect(logs.join('\n')).not.toContain(OPENAI);
  });

  it('sets an unreadable file aside instead of failing to start', () => {
    fs.writeFileSync(file, '{ "version": 1, "keys": { "OPENAI_API_KEY": 42 } }', { mode: 0o600 });
    const secrets = make();
    expect(secrets.list().keys.every((k) => k.source === 'none')).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir).some((name) => name.startsWith('secrets.json.unreadable-'))).toBe(true);
    secrets.set('OPENAI_API_KEY', OPENAI);
    expect(make().get('OPENAI_API_KEY')).toBe(OPENAI);
  });
});
