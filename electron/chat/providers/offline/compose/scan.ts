import { z } from 'zod';
import { ScanResultSchema } from '../../../../../shared/schemas/scanner';
import { bullets, paragraphs, plural, type ComposeContext } from './format';

/** The scanner's findings as scan_opportunities returns them: best score first, each with its reason. */
const Finding = ScanResultSchema.pick({ symbol: true, scanName: true, score: true, direction: true, reason: true }).extend({
  suggestion: z.union([z.string(), z.object({ text: z.string() })]).optional(),
});
export const ScanResult = z.object({ results: z.array(Finding), errors: z.array(z.object({ symbol: z.string(), message: z.string() })).optional() });

/** Findings named in the text; the card lists every one. */
const SHOWN = { beginner: 3, intermediate: 5, advanced: 8 } as const;

export function composeScan(r: z.infer<typeof ScanResult>, ctx: ComposeContext): string {
  const failed = r.errors?.length ? `No data for ${r.errors.map((e) => e.symbol).join(', ')}.` : null;
  if (!r.results.length) return paragraphs('The scan found nothing that meets its thresholds right now.', failed);
  const lines = r.results.slice(0, SHOWN[ctx.experience]).map((f) => {
    const next = typeof f.suggestion === 'string' ? f.suggestion : f.suggestion?.text;
    if (ctx.experience === 'advanced') return `**${f.symbol}** ${f.scanName} · ${f.direction} · ${Math.round(f.score)} — ${f.reason}`;
    return `**${f.symbol}** — ${f.scanName} (${f.direction}, score ${Math.round(f.score)}): ${f.reason}${next ? ` ${next}.` : ''}`;
  });
  const teach = ctx.experience === 'beginner' ? 'A scan finding is a place to look, not a signal to trade: check the levels and your plan before acting.' : null;
  return paragraphs(`The scan found ${plural(r.results.length, 'setup')}, strongest first:`, bullets(lines), failed, teach);
}
