import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultDataDir, loadConfig } from './config';
import { makeTempDir } from './testing/test-host';

describe('loadConfig', () => {
  it('works with nothing set: every key has a default or is optional', () => {
    const dir = makeTempDir();
    const config = loadConfig({}, dir);
    expect(config).toMatchObject({ dataDir: dir, TITM_HOST: '127.0.0.1', TITM_PORT: 0, TITM_NO_OPEN: false, TITM_LOG_LEVEL: 'info', TITM_SLOW_QUERY_MS: 40 });
    expect(config.TITM_TOKEN).toBeUndefined();
  });

  it('reads the environment, coercing numbers and flags', () => {
    const dir = makeTempDir();
    const config = loadConfig({ TITM_DATA_DIR: dir, TITM_PORT: '4100', TITM_NO_OPEN: '1', TITM_LOG_LEVEL: 'debug' }, '/unused');
    expect(config).toMatchObject({ dataDir: dir, TITM_PORT: 4100, TITM_NO_OPEN: true, TITM_LOG_LEVEL: 'debug' });
  });

  it('reads config.json in the data folder, and the environment wins over it', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ TITM_PORT: 4200, TITM_LOG_LEVEL: 'warn' }));
    expect(loadConfig({ TITM_DATA_DIR: dir, TITM_LOG_LEVEL: 'error' })).toMatchObject({ TITM_PORT: 4200, TITM_LOG_LEVEL: 'error' });
  });

  it('explains what is wrong with bad values', () => {
    const dir = makeTempDir();
    expect(() => loadConfig({ TITM_DATA_DIR: dir, TITM_PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ TITM_DATA_DIR: dir, TITM_PORT: 'eighty' })).toThrow(/TITM_PORT/);
    expect(() => loadConfig({ TITM_DATA_DIR: dir, TITM_TOKEN: 'short' })).toThrow(/at least 16 characters/);
    expect(() => loadConfig({ TITM_DATA_DIR: dir, TITM_LOG_LEVEL: 'loud' })).toThrow(/TITM_LOG_LEVEL/);
  });

  it('reads service keys as fallbacks: empty means unset, a bad format stops with the key named (never the value)', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ SUPABASE_URL: 'https://abc.supabase.co' }));
    expect(loadConfig({ TITM_DATA_DIR: dir, OPENAI_API_KEY: 'sk-env', SENTRY_DSN: '' })).toMatchObject({
      OPENAI_API_KEY: 'sk-env',
      SUPABASE_URL: 'https://abc.supabase.co',
      SENTRY_DSN: undefined,
    });
    expect(() => loadConfig({ TITM_DATA_DIR: dir, MASSIVE_API_KEY: 'has secret space' })).toThrow('MASSIVE_API_KEY: Massive API key cannot contain spaces or line breaks');
    expect(() => loadConfig({ TITM_DATA_DIR: dir, SENTRY_DSN: 'https://sentry.io/secretpath' })).toThrow(/SENTRY_DSN: Sentry DSN must look like/);
    expect(() => loadConfig({ TITM_DATA_DIR: dir, SENTRY_DSN: 'https://sentry.io/secretpath' })).not.toThrow(/secretpath/);
  });

  it('reads the error-monitoring keys: an empty DSN is off, a malformed one is refused', () => {
    const dir = makeTempDir();
    const on = loadConfig({ TITM_DATA_DIR: dir, SENTRY_DSN: 'https://k3y@sentry.example.com/12', SENTRY_ENVIRONMENT: 'staging', SENTRY_TRACES_SAMPLE_RATE: '0.25' });
    expect(on).toMatchObject({ SENTRY_DSN: 'https://k3y@sentry.example.com/12', SENTRY_ENVIRONMENT: 'staging', SENTRY_TRACES_SAMPLE_RATE: 0.25 });
    expect(loadConfig({ TITM_DATA_DIR: dir, SENTRY_DSN: '' })).toMatchObject({ SENTRY_DSN: undefined, SENTRY_TRACES_SAMPLE_RATE: 0 });
    expect(() => loadConfig({ TITM_DATA_DIR: dir, SENTRY_DSN: 'https://sentry.example.com/12' })).toThrow(/SENTRY_DSN: Sentry DSN must look like/);
    expect(() => loadConfig({ TITM_DATA_DIR: dir, SENTRY_TRACES_SAMPLE_RATE: '2' })).toThrow(/SENTRY_TRACES_SAMPLE_RATE/);
  });

  it('reads the chat model settings: any OpenAI-compatible server, empty means the defaults', () => {
    const dir = makeTempDir();
    expect(loadConfig({ TITM_DATA_DIR: dir, OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/', OPENAI_MODEL: ' llama3.1:8b ' })).toMatchObject({
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'llama3.1:8b',
      OPENAI_TIMEOUT_MS: 60_000,
    });
    expect(loadConfig({ TITM_DATA_DIR: dir, OPENAI_BASE_URL: '', OPENAI_MODEL: '' })).toMatchObject({ OPENAI_BASE_URL: undefined, OPENAI_MODEL: undefined });
    expect(() => loadConfig({ TITM_DATA_DIR: dir, OPENAI_BASE_URL: 'ftp://models.example' })).toThrow(/OPENAI_BASE_URL must be an http\(s\) URL/);
  });

  it("reads the offline coach's pace: none by default, whole milliseconds up to a second", () => {
    const dir = makeTempDir();
    expect(loadConfig({ TITM_DATA_DIR: dir }).OFFLINE_COACH_PACE_MS).toBe(0);
    expect(loadConfig({ TITM_DATA_DIR: dir, OFFLINE_COACH_PACE_MS: '15' }).OFFLINE_COACH_PACE_MS).toBe(15);
    expect(() => loadConfig({ TITM_DATA_DIR: dir, OFFLINE_COACH_PACE_MS: '-1' })).toThrow(/OFFLINE_COACH_PACE_MS/);
    expect(() => loadConfig({ TITM_DATA_DIR: dir, OFFLINE_COACH_PACE_MS: '1001' })).toThrow(/OFFLINE_COACH_PACE_MS/);
  });

  it('refuses a broken or unknown-keyed config.json with its path in the message', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), '{ not json');
    expect(() => loadConfig({ TITM_DATA_DIR: dir })).toThrow(/config\.json is not valid/);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ TITM_PROT: 1 }));
    expect(() => loadConfig({ TITM_DATA_DIR: dir })).toThrow(/Unknown keys .*TITM_PROT/);
  });
});

describe('defaultDataDir', () => {
  it('matches the user-data folder Electron uses on each OS', () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/TITM AI Coach');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/TITM AI Coach');
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/TITM AI Coach');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toContain('TITM AI Coach');
  });
});
