import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BENCH_TOKEN = 'bench-token-0123456789abcdefgh';

/** One figure a benchmark prints, with its budget (the goal) when it has one. */
export interface Figure {
  name: string;
  value: number;
  /** 'ms' and 'µs' are lower-is-better; the rates and the '×' speed-up ratio are higher-is-better. */
  unit: 'ms' | 'µs' | 'ops/s' | 'bars/s' | '×';
  /** The value must stay at or below this (ms) / at or above this (rates, ratios). */
  budget?: number;
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarise(samples: number[]): { p50: number; p95: number; p99: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1)!, n: sorted.length };
}

export function withinBudget(figure: Figure): boolean {
  if (figure.budget === undefined) return true;
  return figure.unit === 'ms' || figure.unit === 'µs' ? figure.value <= figure.budget : figure.value >= figure.budget;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the built web-mode host (`out/host/web.mjs`) on `port` with a fresh data folder. */
export function startBuiltHost(port: number, env: NodeJS.ProcessEnv = {}): { child: ChildProcess; dataDir: string; stop(): Promise<void> } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'titm-bench-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'out/host/web.mjs')], {
    env: { ...process.env, TITM_DATA_DIR: dataDir, TITM_PORT: String(port), TITM_TOKEN: BENCH_TOKEN, TITM_NO_OPEN: '1', TITM_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    child,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Resolves once the host answers `GET /health`. */
export async function waitUntilUp(port: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const up = await new Promise<boolean>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => (res.resume(), resolve(true))).on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('host did not come up');
}

/**
 * Median wall times of several functions over `runs` rounds after one warm-up, run interleaved (one of
 * each per round) so that a busy machine slows all of them alike; returns the last results too.
 */
export function timeTogether<T extends unknown[]>(runs: number, ...fns: { [K in keyof T]: () => T[K] }): { ms: { [K in keyof T]: number }; results: T } {
  const results = fns.map((fn) => fn()) as T;
  const samples = fns.map(() => [] as number[]);
  for (let round = 0; round < runs; round++) {
    fns.forEach((fn, i) => {
      const started = performance.now();
      results[i] = fn();
      samples[i]!.push(performance.now() - started);
    });
  }
  return { ms: samples.map((s) => summarise(s).p50) as { [K in keyof T]: number }, results };
}

export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}
