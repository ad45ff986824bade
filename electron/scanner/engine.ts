import { OPTIONS_SCAN_IDS, type ScanId, type ScanResult, type ScanRunResult } from '../../shared/schemas/scanner';
import { inBatches } from '../net/in-batches';
import { OPTIONS_SCANS, TECHNICAL_SCANS } from './catalog';
import type { OptionsInput, TechnicalInput } from './inputs';
import type { Finding, Scan, ScanParams } from './scans/finding';

/** One symbol's data for the scans: null where it has none (no bars yet, no options). */
export interface SymbolInputs {
  technical: TechnicalInput | null;
  options: OptionsInput | null;
}

/** Where the engine gets each symbol's inputs (the market, levels and chains; scripted in tests). */
export interface ScanDataSource {
  /** Bars once per symbol; the chain of one expiry only when `withOptions` and the symbol has listed options. */
  load(symbol: string, withOptions: boolean): Promise<SymbolInputs>;
}

/** Bars and chains fetched at once: a provider fetching uncached data is not flooded. */
export const SYMBOL_CONCURRENCY = 8;

const OPTIONS_IDS: ReadonlySet<ScanId> = new Set(OPTIONS_SCAN_IDS);
export const isOptionsScan = (id: ScanId): boolean => OPTIONS_IDS.has(id);

/** The stable key of a finding: the same scan, symbol and direction on the same session keeps its id all day. */
export function resultId(scan: ScanId, symbol: string, direction: ScanResult['direction'], date: string): string {
  return `${scan}:${symbol}:${direction}:${date}`;
}

/** Runs the chosen scans over one symbol's inputs (pure). */
export function scanSymbol(symbol: string, inputs: SymbolInputs, scans: readonly ScanId[], params: Record<ScanId, ScanParams>, at: number): ScanResult[] {
  const results: ScanResult[] = [];
  const apply = <I extends { date: string }>(catalog: readonly Scan<I>[], input: I | null) => {
    if (!input) return;
    for (const scan of catalog) {
      const { id, name, kind } = scan.definition;
      if (!scans.includes(id)) continue;
      for (const finding of scan.run(input, params[id])) results.push(toResult(finding, { id, name, kind }, symbol, input.date, at));
    }
  };
  apply(TECHNICAL_SCANS, inputs.technical);
  apply(OPTIONS_SCANS, inputs.options);
  return results;
}

function toResult(finding: Finding, scan: { id: ScanId; name: string; kind: ScanResult['kind'] }, symbol: string, date: string, at: number): ScanResult {
  return { id: resultId(scan.id, symbol, finding.direction, date), symbol, scan: scan.id, scanName: scan.name, kind: scan.kind, ...finding, at };
}

/** Best score first; ties by symbol, then by the scan's catalog order. */
export function rankResults(results: ScanResult[]): ScanResult[] {
  return results.sort((a, b) => b.score - a.score || a.symbol.localeCompare(b.symbol) || a.id.localeCompare(b.id));
}

export interface ScanRequest {
  scans: readonly ScanId[];
  symbols: readonly string[];
  params: Record<ScanId, ScanParams>;
  limit?: number;
}

/**
 * Scans every symbol: its inputs loaded once (a few symbols at a time) and shared by every scan.
 * A symbol whose data fails is listed in `errors`, the others go on.
 */
export async function runScanRequest(source: ScanDataSource, request: ScanRequest, clock: () => number): Promise<ScanRunResult> {
  const started = performance.now();
  const runAt = clock();
  const withOptions = request.scans.some(isOptionsScan);
  const found: ScanResult[][] = request.symbols.map(() => []);
  const errors: ScanRunResult['errors'] = [];
  const index = new Map(request.symbols.map((symbol, i) => [symbol, i]));
  await inBatches(request.symbols, SYMBOL_CONCURRENCY, async (symbol) => {
    try {
      const inputs = await source.load(symbol, withOptions);
      found[index.get(symbol)!] = scanSymbol(symbol, inputs, request.scans, request.params, runAt);
    } catch (error) {
      errors.push({ symbol, message: error instanceof Error ? error.message : String(error) });
    }
  });
  const results = rankResults(found.flat());
  return {
    runAt,
    symbols: [...request.symbols],
    scans: [...request.scans],
    results: request.limit === undefined ? results : results.slice(0, request.limit),
    errors: errors.sort((a, b) => index.get(a.symbol)! - index.get(b.symbol)!),
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}
