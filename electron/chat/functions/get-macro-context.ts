import { z } from 'zod';
import type { MacroContext, MacroEvent } from '../../../shared/schemas/macro';
import type { MarketStatus, Quote } from '../../../shared/schemas/market';
import { defineFunction } from '../types';
import { compactStatus } from './lib/quotes';
import { round } from './lib/round';
import { marketOverviewWidget } from './lib/widgets';

const EVENTS_SHOWN = 6;
const SECTORS_SHOWN = 3;

export const getMacroContext = defineFunction({
  name: 'get_macro_context',
  description:
    'The macro backdrop: the next FOMC decision, CPI and payrolls dates, the VIX and its term structure (contango or backwardation), the risk-free rate, and the day\'s index and sector moves. Use it for "any events this week", "when is FOMC", "what is VIX doing", "macro picture".',
  parameters: z.object({}).strict(),
  label: 'Checking the macro calendar…',
  async run(_args, ctx) {
    const [macro, status] = await Promise.all([ctx.call('macro:context', {}), ctx.call('market:status', {})]);
    const sectors = [...macro.sectors].sort((a, b) => b.changePercent - a.changePercent);
    const notes = macroNotes(macro, sectors);
    return {
      result: {
        today: macro.today,
        market: compactStatus(status),
        rate: round(macro.rate.value, 4),
        vix: macro.vix && { level: round(macro.vix.level), change: round(macro.vix.change), shape: macro.vix.shape, vixToVix3m: round(macro.vix.ratio, 3), termStructure: macro.vix.termStructure.map((p) => ({ symbol: p.symbol, level: round(p.level) })) },
        nextEvents: { fomc: macro.calendar.next.fomc && compactEvent(macro.calendar.next.fomc), cpi: macro.calendar.next.cpi && compactEvent(macro.calendar.next.cpi), payrolls: macro.calendar.next.nfp && compactEvent(macro.calendar.next.nfp) },
        upcoming: macro.calendar.upcoming.slice(0, EVENTS_SHOWN).map(compactEvent),
        indices: macro.indices.map((m) => ({ symbol: m.symbol, last: round(m.last), changePercent: round(m.changePercent, 2) })),
        sectors: sectors.map((s) => ({ sector: s.sector, symbol: s.symbol, changePercent: round(s.changePercent, 2) })),
        warnings: macro.warnings,
      },
      widget: marketOverviewWidget('Macro context', {
        status,
        quotes: macro.indices.map((move) => moveQuote(move, status, macro.asOf)),
        events: macro.calendar.upcoming.slice(0, EVENTS_SHOWN).map((e) => ({ date: e.date, title: e.title, importance: 'high' as const })),
        notes,
      }),
    };
  },
});

function compactEvent(e: MacroEvent) {
  return { title: e.title, date: e.date, time: `${e.time} ET`, daysUntil: e.daysUntil, ...(e.tentative ? { tentative: true } : {}) };
}

/** A macro index move in the shape of a quote (its previous close is last − change). */
function moveQuote(move: MacroContext['indices'][number], status: MarketStatus, asOf: number): Quote {
  return {
    symbol: move.symbol,
    last: round(move.last),
    change: round(move.change),
    changePercent: round(move.changePercent, 2),
    prevClose: round(move.last - move.change),
    session: status.status,
    time: asOf,
    source: move.source,
  };
}

function macroNotes(macro: MacroContext, sectorsBestFirst: MacroContext['sectors']): string[] {
  const notes = [`Risk-free rate ${round(macro.rate.value * 100, 2)} %`];
  if (macro.vix) notes.push(`VIX ${round(macro.vix.level)} (${macro.vix.shape}, VIX/VIX3M ${round(macro.vix.ratio, 2)})`);
  if (sectorsBestFirst.length) {
    const list = (s: MacroContext['sectors']) => s.map((x) => `${x.sector} ${x.changePercent >= 0 ? '+' : ''}${round(x.changePercent, 2)} %`).join(', ');
    notes.push(`Leading sectors: ${list(sectorsBestFirst.slice(0, SECTORS_SHOWN))}`);
    notes.push(`Lagging sectors: ${list(sectorsBestFirst.slice(-SECTORS_SHOWN).reverse())}`);
  }
  return [...notes, ...macro.warnings];
}
