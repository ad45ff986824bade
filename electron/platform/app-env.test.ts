import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createHost } from '../host';
import { monitoringSettings } from '../monitoring/monitoring';
import { makeTempDir } from '../testing/test-host';
import { appEnv } from './app-env';

describe('appEnv', () => {
  it('makes an installed app a production build, whatever NODE_ENV and config.json say', async () => {
    const dataDir = makeTempDir();
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ NODE_ENV: 'development' }));
    const env = appEnv({ TITM_DATA_DIR: dataDir, NODE_ENV: 'test' }, true);
    const config = loadConfig(env);
    expect(config.NODE_ENV).toBe('production');
    expect(monitoringSettings(config, '1.0.0', env).testTools).toBe(false);

    const host = createHost({ mode: 'electron', version: '1.0.0', env, logSink: () => {} });
    try {
      expect(await host.dispatch('monitoring:test-error', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await host.stop();
    }
  });

  it('leaves a development run (electron-vite dev, the Electron E2E) as configured', () => {
    const dataDir = makeTempDir();
    expect(loadConfig(appEnv({ TITM_DATA_DIR: dataDir, NODE_ENV: 'test' }, false)).NODE_ENV).toBe('test');
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ NODE_ENV: 'development' }));
    expect(loadConfig(appEnv({ TITM_DATA_DIR: dataDir }, false)).NODE_ENV).toBe('development');
  });
});
