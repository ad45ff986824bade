// One alert-worker tick over 10 000 active alerts on 500 symbols with the quotes in the market
// service's cache (the goal: < 20 ms, exactly 500 quote requests), on a SQLite file as the
// app uses it. Also: the first tick (every crossing baseline written) and a tick after every price
// moved (10 000 baselines rewritten in the tick's one transaction).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ALERT_CONDITIONS, type AlertCondition } from '../shared/schemas/alerts';
import type { Quote } from '../shared/schemas/market';
import { percentTarget } from '../electron/alerts/evaluate';
import type { AlertDefinition } from '../electron/alerts/repository';
import { AlertsService } from '../electron/alerts/service';
import { AlertWorker } from '../electron/alerts/worker';
import { EventBus } from '../electron/contract/event-bus';
import { Database } from '../electron/db/database';
import { MarketCache } from '../electron/market/cache';
import { MarketService } from '../electron/market/service';
import { CircuitBreaker } from '../electron/net/circuit-breaker';
import { NotificationsService } from '../electron/notifications/service';
import { silentLogger } from '../electron/observability/logger';
import { summarise, type Figure } from './lib';

const SYMBOLS = 500;
const ALERTS_PER_SYMBOL = 20;
const STEADY_TICKS = 30;
const MOVED_TICKS = 10;
/** Tuesday 2026-12-01 10:00 New York: regular session, quotes fresh in the cache. */
const NOW = Date.parse('2026-12-01T15:00:00Z');

/** A target no price of the bench reaches: nothing fires, so the tick is pure watching. */
function definition(symbol: string, price: number, condition: AlertCondition): AlertDefinition {
  const pct = condition === 'pct_move_up' || condition === 'pct_move_down';
  const farTarget = condition === 'below' || condition === 'crosses_below' ? price / 2 : price * 1.5;
  return {
    symbol, condition, level: null, levelDate: null, triggerMode: 'every_time', cooldownSeconds: 900, expiresAt: null, note: null, status: 'active',
    percent: pct ? 50 : null, referencePrice: pct ? price : null, targetPrice: pct ? percentTarget(condition, price, 50) : farTarget,
    lastPrice: null, lastPriceAt: null, rearmAt: null,
  };
}

function quoteOf(symbol: string, last: number): Quote {
  return { symbol, last, change: 0, changePercent: 0, prevClose: last, session: 'open', time: NOW, source: 'massive' };
}

/** Wall and CPU milliseconds of one tick (the CPU time tells a busy machine from a slow tick). */
async function timedTick(worker: AlertWorker, requests: { count: number }): Promise<{ ms: number; cpuMs: number }> {
  requests.count = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await worker.tick();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (requests.count !== SYMBOLS) throw new Error(`expected exactly ${SYMBOLS} quote requests in a tick, got ${requests.count}`);
  if (report.alertsWatched !== SYMBOLS * ALERTS_PER_SYMBOL || report.errors.length || report.fired.length) throw new Error(`unexpected tick: ${JSON.stringify({ ...report, fired: report.fired.length })}`);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

export async function run(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titm-bench-alerts-'));
  const db = new Database({ file: path.join(dir, 'titm.sqlite'), logger: silentLogger, slowQueryMs: 1000 });
  try {
    const events = new EventBus(false);
    const cache = new MarketCache(db);
    // The Massive provider answers from its cache (quotes live 60 s); its server is never reached.
    const market = new MarketService({ db, logger: silentLogger, apiKey: () => 'bench-key', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000, breaker: new CircuitBreaker('bench'), now: () => NOW });
    const requests = { count: 0 };
    const quotes = { quote: (symbol: string) => (requests.count++, market.quote(symbol)) };
    const notifications = new NotificationsService({ db, events, logger: silentLogger, prefs: () => ({ alertsEnabled: true, emailAlerts: false, browserNotifications: false }) });
    const alerts = new AlertsService({ db, events, quotes, notifications: notifications.repo, clock: () => NOW });
    const levels = { levels: () => Promise.reject(new Error('no key-level alerts in this bench')) };
    const worker = new AlertWorker({ alerts, delivery: notifications, quotes, levels, logger: silentLogger, clock: () => NOW });

    const symbols = Array.from({ length: SYMBOLS }, (_, i) => `S${String(i).padStart(3, '0')}`);
    const basePrice = (i: number) => 20 + i * 1.7;
    db.transaction(() => {
      symbols.forEach((symbol, i) => {
        cache.putQuote(quoteOf(symbol, basePrice(i)), NOW);
        for (let k = 0; k < ALERTS_PER_SYMBOL; k++) {
          alerts.repo.insert(`${symbol}-${k}`, definition(symbol, basePrice(i), ALERT_CONDITIONS[k % ALERT_CONDITIONS.length]!), new Date(NOW).toISOString());
        }
      });
    });

    const first = await timedTick(worker, requests);
    const steady: { ms: number; cpuMs: number }[] = [];
    for (let i = 0; i < STEADY_TICKS; i++) steady.push(await timedTick(worker, requests));
    const moved: { ms: number; cpuMs: number }[] = [];
    for (let round = 1; round <= MOVED_TICKS; round++) {
      db.transaction(() => symbols.forEach((symbol, i) => cache.putQuote(quoteOf(symbol, basePrice(i) + round * 0.01), NOW)));
      moved.push(await timedTick(worker, requests));
    }
    const s = summarise(steady.map((t) => t.ms));
    const m = summarise(moved.map((t) => t.ms));
    const cpu = (ticks: { cpuMs: number }[]) => summarise(ticks.map((t) => t.cpuMs)).p50.toFixed(1);
    return [
      { name: 'tick, 10 000 alerts / 500 symbols, cached (p50)', value: s.p50, unit: 'ms', budget: 20, note: `p95 ${s.p95.toFixed(1)} ms, CPU ${cpu(steady)} ms, exactly ${SYMBOLS} quote requests per tick` },
      { name: 'first tick (10 000 baselines written)', value: first.ms, unit: 'ms', note: `CPU ${first.cpuMs.toFixed(1)} ms` },
      { name: 'tick after every price moved (p50)', value: m.p50, unit: 'ms', note: `p95 ${m.p95.toFixed(1)} ms, CPU ${cpu(moved)} ms, 10 000 baselines rewritten` },
    ];
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
