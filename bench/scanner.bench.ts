// A full scan of 100 symbols (SPX, NDX, SPY, QQQ, IWM and the 95 largest US stocks) on the
// simulated market: every technical scan on each symbol's bars (fetched once) and every options
// scan on one expiry's chain. The goal: < 1 s. The clock moves 10 s between runs, so each
// run prices its chains afresh and cuts the day's bars at a new instant, as a schedule's runs do;
// the days' minute paths stay in the simulated market's memory after the first run (printed apart).
import { performance } from 'node:perf_hooks';
import { SCAN_IDS, TECHNICAL_SCAN_IDS, type ScanId, type ScanRunResult } from '../shared/schemas/scanner';
import { Database } from '../electron/db/database';
import { LevelsService } from '../electron/levels/service';
import { MarketService } from '../electron/market/service';
import { LARGEST_US_STOCKS } from '../electron/market/symbols';
import { CircuitBreaker } from '../electron/net/circuit-breaker';
import { silentLogger } from '../electron/observability/logger';
import { OptionsChainService } from '../electron/options/chains/service';
import { resolveParams } from '../electron/scanner/catalog';
import { runScanRequest } from '../electron/scanner/engine';
import { MarketScanData } from '../electron/scanner/market-data';
import { WATCHLIST_INDICES } from '../electron/scanner/watchlist';
import { summarise, type Figure } from './lib';

const RUNS = 10;
/** Tuesday 2026-12-01 11:30 New York: two hours into the regular session. */
const START = Date.parse('2026-12-01T16:30:00Z');
const STEP_MS = 10_000;
const SYMBOLS = [...WATCHLIST_INDICES, ...LARGEST_US_STOCKS];

export async function run(): Promise<Figure[]> {
  if (SYMBOLS.length !== 100) throw new Error(`expected 100 symbols, got ${SYMBOLS.length}`);
  let now = START;
  const clock = () => now;
  const db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  try {
    const market = new MarketService({ db, logger: silentLogger, apiKey: () => undefined, baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000, breaker: new CircuitBreaker('bench'), now: clock });
    const levels = new LevelsService({ market, now: clock });
    const chains = new OptionsChainService({ market, massive: market.massiveClient, apiKey: () => undefined, now: clock });
    const data = new MarketScanData({ market, levels, chains, clock });
    const params = resolveParams();
    const scan = async (scans: readonly ScanId[]) => {
      now += STEP_MS;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const result = await runScanRequest(data, { scans, symbols: SYMBOLS, params }, clock);
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      if (result.errors.length) throw new Error(`scan errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
      return { ms, cpuMs: (used.user + used.system) / 1000, result };
    };

    const first = await scan(SCAN_IDS);
    const full: { ms: number; cpuMs: number; result: ScanRunResult }[] = [];
    const technical: { ms: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      full.push(await scan(SCAN_IDS));
      technical.push(await scan(TECHNICAL_SCAN_IDS));
    }
    const f = summarise(full.map((r) => r.ms));
    const t = summarise(technical.map((r) => r.ms));
    const cpu = summarise(full.map((r) => r.cpuMs)).p50;
    const last = full.at(-1)!.result;
    const scansFiring = new Set(last.results.map((r) => r.scan)).size;
    return [
      {
        name: 'full scan, 100 symbols, 12 scans (p50)',
        value: f.p50,
        unit: 'ms',
        budget: 1000,
        note: `p95 ${f.p95.toFixed(0)} ms, CPU ${cpu.toFixed(0)} ms, ${last.results.length} results from ${scansFiring} scans, one bar fetch and one chain per symbol`,
      },
      { name: 'first full scan (minute paths generated)', value: first.ms, unit: 'ms', note: `CPU ${first.cpuMs.toFixed(0)} ms` },
      { name: 'technical scans only, 100 symbols (p50)', value: t.p50, unit: 'ms', note: `p95 ${t.p95.toFixed(0)} ms` },
    ];
  } finally {
    db.close();
  }
}
