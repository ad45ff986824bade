// A 5 000-contract chain analysed: implied volatility from every mid and all greeks at it (the work
// `options:chain` does on each answer, and the analyzer on a whole book). SPX (European, Black-Scholes-
// Merton) is the goal's case; SPY (American, Bjerksund–Stensland with finite-difference greeks) is
// printed beside it.
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { previousSession } from '../electron/market/calendar';
import { symbolProfile } from '../electron/market/symbols';
import { analyzeChain, type QuotedContract } from '../electron/options/chains/analyze';
import { listExpirations } from '../electron/options/chains/expirations';
import { simulateExpiry } from '../electron/options/chains/simulated-chain';
import { smileFor } from '../electron/options/chains/smile';
import { yearsToExpiry } from '../electron/options/pricing/expiry';
import { DEFAULT_RISK_FREE_RATE, optionUnderlying } from '../electron/options/pricing/underlyings';
import { summarise, type Figure } from './lib';

const CONTRACTS = 5_000;
const RUNS = 20;
/** Runs before the measured ones, so the figure is the JIT-compiled steady state. */
const WARM_UP = 5;
const NOW = DateTime.fromISO('2026-02-11T11:00', { zone: 'America/New_York' }).toMillis();

/** The first 5 000 contracts of the underlying's simulated chain, nearest expirations first (all of them when fewer). */
function simulatedBook(underlying: string, spot: number): QuotedContract[] {
  const profile = symbolProfile(underlying)!;
  const spec = optionUnderlying(underlying);
  const smile = smileFor(profile, '2026-02-11');
  const open = previousSession('2026-02-12').open;
  const book: QuotedContract[] = [];
  for (const expiry of listExpirations(underlying, NOW)) {
    const years = yearsToExpiry(NOW, expiry.date, expiry.settlement);
    book.push(
      ...simulateExpiry({
        underlying, kind: profile.kind, spot, previousClose: spot * 0.995, rate: DEFAULT_RISK_FREE_RATE, dividendYield: spec.dividendYield,
        style: spec.style, smile, expiry, years, baseVolume: 10_000,
        activity: { date: '2026-02-11', progress: 0.2, years: yearsToExpiry(open, expiry.date, expiry.settlement) },
      }),
    );
    if (book.length >= CONTRACTS) break;
  }
  return book.slice(0, CONTRACTS);
}

function analyse(underlying: string, spot: number, runs: number): { ms: number[]; solved: number; contracts: number } {
  const spec = optionUnderlying(underlying);
  const book = simulatedBook(underlying, spot);
  const market = { spot, rate: DEFAULT_RISK_FREE_RATE, dividendYield: spec.dividendYield, style: spec.style };
  const ms: number[] = [];
  let solved = 0;
  for (let run = 0; run < runs + (runs > 1 ? WARM_UP : 0); run++) {
    const started = performance.now();
    const analysed = analyzeChain(market, book);
    ms.push(performance.now() - started);
    solved = analysed.filter((c) => c.iv !== null).length;
  }
  if (runs > 1) ms.splice(0, WARM_UP);
  return { ms, solved, contracts: book.length };
}

export async function run(): Promise<Figure[]> {
  const european = analyse('SPX', 6030.5, RUNS);
  const american = analyse('SPY', 601.23, 1);
  return [
    {
      name: `SPX chain, ${european.contracts} contracts: IV + greeks (p50)`,
      value: summarise(european.ms).p50,
      unit: 'ms',
      budget: 20,
      note: `p95 ${summarise(european.ms).p95.toFixed(1)} ms, ${european.solved} IVs solved, ${RUNS} runs`,
    },
    {
      name: `SPY chain, all ${american.contracts} (American) contracts`,
      value: american.ms[0]!,
      unit: 'ms',
      note: `Bjerksund–Stensland IV and finite-difference greeks, ${american.solved} IVs solved, 1 run`,
    },
  ];
}
