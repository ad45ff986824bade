import { z } from 'zod';
import { ScanDirectionSchema, ScanIdSchema, SuggestedConditionSchema } from '../../../../../shared/schemas/scanner';
import { bullets, paragraphs, plain, plural, when, type ComposeContext } from './format';
import { SCAN_MEANINGS, TERMS } from './glossary';

/** What scan_opportunities returns: the best findings first, each with its numbers and the alert it suggests. */
const SuggestedAlert = z.object({ symbol: z.string(), condition: SuggestedConditionSchema, price: z.number(), level: z.string().nullable() });
const Finding = z.object({
  symbol: z.string(),
  scan: ScanIdSchema,
  scanName: z.string(),
  score: z.number(),
  direction: ScanDirectionSchema,
  reason: z.string(),
  suggestion: z.string(),
  alert: SuggestedAlert.nullable(),
});
export const ScanResult = z.object({
  scannedAt: z.string(),
  symbols: z.array(z.string()),
  scans: z.array(z.string()),
  found: z.number(),
  results: z.array(Finding),
  failed: z.array(z.object({ symbol: z.string(), message: z.string() })),
});
type Result = z.infer<typeof ScanResult>;
type Row = z.infer<typeof Finding>;

/** Findings named in the text; the card lists ten. */
const SHOWN = { beginner: 3, intermediate: 5, advanced: 8 } as const;
/** Failed symbols named with their reason; the rest are counted. */
const FAILED_NAMED = 3;

const CONDITION_WORDS: Record<z.infer<typeof SuggestedConditionSchema>, string> = {
  above: 'is above',
  below: 'is below',
  crosses_above: 'crosses above',
  crosses_below: 'crosses below',
};

/** "alert me when SPY crosses below 600.12": the request that sets a suggested alert (this coach reads it as set_alert). */
export function alertRequest(alert: z.infer<typeof SuggestedAlert>): string {
  return `alert me when ${alert.symbol} ${CONDITION_WORDS[alert.condition]} ${alert.price.toFixed(2)}`;
}

/** "7 scans over SPY, QQQ" / "12 scans over 25 symbols". */
function scope(r: Result): string {
  const symbols = r.symbols.length <= 4 ? r.symbols.join(', ') : plural(r.symbols.length, 'symbol');
  return `${plural(r.scans.length, 'scan')} over ${symbols}`;
}

const score = (row: Row) => plain(row.score, 1);

function failedLine(r: Result): string | null {
  if (!r.failed.length) return null;
  const named = r.failed.slice(0, FAILED_NAMED).map((f) => `${f.symbol} (${f.message.replace(/\.$/, '')})`);
  const more = r.failed.length > FAILED_NAMED ? ` and ${plural(r.failed.length - FAILED_NAMED, 'more symbol')}` : '';
  return `No data for ${named.join('; ')}${more}.`;
}

/** The rows to name (of the side asked for when there are any: "gap ups"), and the sentence that counts them. */
function pick(r: Result, ctx: ComposeContext): { rows: Row[]; lead: string } {
  const n = SHOWN[ctx.experience];
  const side = ctx.focus === 'bullish' || ctx.focus === 'bearish' ? ctx.focus : null;
  const total = `**${r.found}** ${r.found === 1 ? 'setup' : 'setups'}`;
  const ofSide = side ? r.results.filter((row) => row.direction === side) : [];
  if (side && !ofSide.length) return { rows: r.results.slice(0, n), lead: `${total}, none of them ${side}; the best of the others` };
  const pool = side ? ofSide : r.results;
  const rows = pool.slice(0, n);
  const among = r.found > r.results.length ? ` among the best ${r.results.length}` : '';
  const count = side ? `, ${ofSide.length} ${side}${among}` : '';
  const best = pool.length > rows.length || (!side && r.found > rows.length) ? `; the best ${rows.length}` : '';
  return { rows, lead: `${total}${count}${best}` };
}

/** The first suggested alert among the rows named, as a request the trader can send back. */
function topAlert(rows: readonly Row[], ctx: ComposeContext): string | null {
  const row = rows.find((r) => r.alert);
  if (!row?.alert) return rows[0] ? `Top suggestion (${rows[0].symbol}): ${rows[0].suggestion}` : null;
  const request = `"${alertRequest(row.alert)}"`;
  if (ctx.experience === 'advanced') return `Top alert: ${request}${row.alert.level ? ` (${row.alert.level})` : ''}`;
  return `Top suggestion (${row.symbol}, ${row.scanName}): ${row.suggestion.replace(/\.$/, '')}. To set it, say ${request} or use **Set alert** on the card.`;
}

export function composeScan(r: Result, ctx: ComposeContext): string {
  const at = when(r.scannedAt, ctx.today);
  if (!r.results.length) {
    if (ctx.experience === 'advanced') return paragraphs(`No setups: ${scope(r)} · ${at}.`, failedLine(r));
    return paragraphs(`Nothing came up: ${scope(r)} found no setup (${at}). A scan only lists a symbol when its measure passes the threshold, so a quiet market gives a short list.`, failedLine(r));
  }
  const { rows, lead } = pick(r, ctx);
  if (ctx.experience === 'advanced') {
    const lines = rows.map((row) => `**${row.symbol}** ${row.scanName} **${score(row)}** ${row.direction} — ${row.reason}`);
    return paragraphs(`**Scan** ${scope(r)} · ${at} · ${lead.replace(/\*\*/g, '')}:`, bullets(lines), topAlert(rows, ctx), failedLine(r));
  }
  const lines = rows.map((row) => `**${row.symbol}** · ${row.scanName} · score **${score(row)}** · ${row.direction} — ${row.reason}`);
  const scans = [...new Set(rows.map((row) => row.scan))].slice(0, 3);
  const teach = ctx.experience === 'beginner' ? paragraphs(TERMS.scanScore, bullets(scans.map((id) => `**${rows.find((row) => row.scan === id)!.scanName}**: ${SCAN_MEANINGS[id]}.`))) : null;
  return paragraphs(`The scanner ran ${scope(r)} (${at}) and found ${lead}:`, bullets(lines), topAlert(rows, ctx), failedLine(r), teach);
}

/** After a scan: the top setup against the day's levels. */
export function scanNext(result: unknown): string | null {
  const top = ScanResult.safeParse(result).data?.results[0];
  return top ? `"Key levels for ${top.symbol}" puts the top setup against the day's levels.` : null;
}
