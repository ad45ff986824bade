import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The web-mode server the browser tests run against: a fixed port and token, and a fresh data
 * folder per run. The folder is made once by the runner and passed to workers through the
 * environment (the config file is evaluated again in every worker).
 */
export const E2E_PORT = Number(process.env.TITM_E2E_PORT ?? 47311);
export const E2E_TOKEN = 'e2e-token-0123456789abcdefghijkl';
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

process.env.TITM_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'titm-e2e-'));
export const E2E_DATA_DIR = process.env.TITM_E2E_DATA_DIR;
