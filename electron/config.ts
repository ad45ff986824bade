import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { describeIssues, toIssues } from '../shared/errors';
import { keyValueSchemas, type KeyName } from '../shared/schemas/keys';

export const APP_NAME = 'TITM AI Coach';
/** The settings file in the data folder; the same keys as the environment, env wins. */
export const CONFIG_FILE = 'config.json';

const flag = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no', ''])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A service key in the same format as the Profile tab accepts; an empty variable counts as unset. */
const serviceKey = (name: KeyName) => z.preprocess((v) => (v === '' ? undefined : v), keyValueSchemas[name].optional());

/**
 * Every configuration key of the app; all optional. Later capabilities add their keys here.
 * The service keys (OPENAI_API_KEY...) are fallbacks: a key saved in the Profile tab wins (see
 * electron/secrets/service.ts); read them through `host.secrets`, not from here.
 */
export const ConfigSchema = z.object({
  TITM_DATA_DIR: z.string().min(1).optional(),
  TITM_HOST: z.string().min(1).default('127.0.0.1'),
  TITM_PORT: int(0, 65535).default(0),
  TITM_TOKEN: z.string().min(16, 'TITM_TOKEN must be at least 16 characters').max(256).regex(/^[\w.~-]+$/, 'TITM_TOKEN may hold letters, digits and . _ ~ - only').optional(),
  TITM_NO_OPEN: flag.default(false),
  TITM_LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  TITM_SLOW_QUERY_MS: z.coerce.number().min(0).default(40),
  TITM_RATE_LIMIT_PER_SEC: z.coerce.number().positive().default(100),
  TITM_RATE_LIMIT_BURST: int(1, 1_000_000).default(300),
  TITM_API_ENABLED: flag.optional(),
  /** better-sqlite3's addon built for Electron's ABI (set by `npm start`; packaged apps need none). */
  TITM_SQLITE_BINDING: z.string().min(1).optional(),
  TITM_HEALTH_INTERVAL_MS: int(1000, 3_600_000).default(15_000),
  /** The price-alert worker (off: alerts are stored but never fire). */
  ALERT_WORKER_ENABLED: flag.default(true),
  /** One fixed tick interval at every hour instead of the market-hours cadence (30 s / 2 min / none when closed): tests, demos. */
  ALERT_TICK_MS: int(100, 3_600_000).optional(),
  /** The scanner's schedule worker (off: schedules are stored but never run). */
  SCANNER_WORKER_ENABLED: flag.default(true),
  /** Schedules run at every hour, not only in the regular session (tests, demos). */
  SCANNER_ALL_HOURS: flag.default(false),
  /** Massive.com REST base URL (tests point it at a local fake server). */
  MASSIVE_BASE_URL: z.url({ protocol: /^https?$/, error: 'MASSIVE_BASE_URL must be an http(s) URL' }).default('https://api.massive.com').transform((u) => u.replace(/\/+$/, '')),
  MASSIVE_TIMEOUT_MS: int(500, 120_000).default(10_000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** The chat model (with OPENAI_API_KEY); without a key the offline coach answers. */
  OPENAI_API_KEY: serviceKey('OPENAI_API_KEY'),
  /** Any OpenAI-compatible server (Ollama, llama.cpp, vLLM, LM Studio); OpenAI's own when unset. */
  OPENAI_BASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ protocol: /^https?$/, error: 'OPENAI_BASE_URL must be an http(s) URL' }).transform((u) => u.replace(/\/+$/, '')).optional(),
  ),
  /** The model's name on that server; the provider's default when unset. */
  OPENAI_MODEL: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).max(200).optional()),
  /** The model that reads broker screenshots (it must accept images); OPENAI_MODEL when unset. */
  OPENAI_VISION_MODEL: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).max(200).optional()),
  /** The longest the model may stay silent (before its answer starts, and between two pieces of it). */
  OPENAI_TIMEOUT_MS: int(1000, 600_000).default(60_000),
  /**
   * Pause between the offline coach's words, in ms. 0 streams an answer as fast as it is composed
   * (a millisecond); a few ms make it read as typing, and let a Stop land mid-answer (the browser tests).
   */
  OFFLINE_COACH_PACE_MS: int(0, 1000).default(0),
  /** Massive.com (formerly Polygon.io) key: real market data instead of the simulated market. */
  MASSIVE_API_KEY: serviceKey('MASSIVE_API_KEY'),
  SUPABASE_URL: serviceKey('SUPABASE_URL'),
  SUPABASE_ANON_KEY: serviceKey('SUPABASE_ANON_KEY'),
  SENTRY_DSN: serviceKey('SENTRY_DSN'),
  /** Defaults to NODE_ENV. */
  SENTRY_ENVIRONMENT: z.string().trim().min(1).max(64).regex(/^[^\s/]+$/, 'SENTRY_ENVIRONMENT may not hold spaces or slashes').optional(),
  SENTRY_TRACES_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0),
});

export type AppConfig = z.output<typeof ConfigSchema> & { dataDir: string };

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The OS user-data folder, the same one Electron's `app.getPath('userData')` gives. */
export function defaultDataDir(platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

function readConfigFile(dataDir: string): Record<string, unknown> {
  const file = path.join(dataDir, CONFIG_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${file} is not valid: ${(error as Error).message}`);
  }
}

/**
 * Builds the configuration from the environment and `<dataDir>/config.json`, validated with zod.
 * `fallbackDataDir` is where data lives when TITM_DATA_DIR is not set (Electron passes userData).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, fallbackDataDir = defaultDataDir()): AppConfig {
  const fromEnv = Object.fromEntries(
    Object.keys(ConfigSchema.shape)
      .filter((key) => env[key] !== undefined)
      .map((key) => [key, env[key]]),
  );
  const dataDir = path.resolve(env.TITM_DATA_DIR || fallbackDataDir);
  const fromFile = readConfigFile(dataDir);
  const unknownKeys = Object.keys(fromFile).filter((key) => !(key in ConfigSchema.shape));
  if (unknownKeys.length) throw new ConfigError(`Unknown keys in ${path.join(dataDir, CONFIG_FILE)}: ${unknownKeys.join(', ')}`);
  const parsed = ConfigSchema.safeParse({ ...fromFile, ...fromEnv });
  if (!parsed.success) throw new ConfigError(`Invalid configuration: ${describeIssues(toIssues(parsed.error))}`);
  return { ...parsed.data, dataDir };
}
