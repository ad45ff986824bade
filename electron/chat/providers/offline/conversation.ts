import { z } from 'zod';
import { ConfirmedPositionSchema } from '../../../../shared/schemas/screenshot';
import type { ModelMessage } from '../../types';
import type { ContextPosition } from './arguments';
import { findSymbols } from './entities';

/**
 * What the offline coach reads from a turn's messages: the last user message, the user's earlier
 * ones (for follow-ups), and the context the session carries (the positions a broker screenshot
 * gave): the chat service writes it into the system prompt as `<context>…</context>` blocks; a
 * later `system` message counts as context too.
 */

/** A context block of the system prompt (electron/chat/system-prompt.ts). */
const CONTEXT_BLOCK = /<context>\n?([\s\S]*?)\n?<\/context>/g;

/** Earlier user messages kept for follow-ups: enough for "and NDX?" chains, not the whole session. */
const HISTORY = 12;

/**
 * Positions in a context message: a JSON object `{"positions": [...]}` (bare or in a ```json block),
 * each a confirmed screenshot position (the chat service writes them: electron/chat/screenshot-context.ts).
 */
const PositionsBlock = z.object({ positions: z.array(ConfirmedPositionSchema).min(1) });

export interface Conversation {
  message: string;
  history: string[];
  /** Symbols the context messages name, first mentioned first. */
  contextSymbols: string[];
  contextPositions: ContextPosition[];
}

/** The JSON object a context message carries, if any. */
function jsonIn(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content)?.[1];
  const text = fenced ?? content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1);
  if (!text.trim().startsWith('{')) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Screenshot positions as analyze_position legs, one position per underlying. The most recent
 * positions block is the book: a later screenshot shows the positions as they are now, so it
 * replaces an earlier one instead of adding to it.
 */
export function contextPositions(contents: readonly string[]): ContextPosition[] {
  const latest = contents.map((content) => PositionsBlock.safeParse(jsonIn(content))).findLast((parsed) => parsed.success);
  const byUnderlying = new Map<string, Required<Omit<ContextPosition, 'brokerPnl'>> & { pnl: (number | null | undefined)[] }>();
  for (const p of latest?.data?.positions ?? []) {
    const quantity = p.side === 'short' ? -p.quantity : p.quantity;
    const leg: Record<string, unknown> = { right: p.assetType, quantity };
    if (p.assetType !== 'stock' && p.strike) leg.strike = p.strike;
    if (p.assetType !== 'stock' && p.expiry) leg.expiry = p.expiry;
    if (p.avgPrice !== null && p.avgPrice !== undefined) leg.price = p.avgPrice;
    const held = byUnderlying.get(p.symbol) ?? { underlying: p.symbol, legs: [], brokerMarks: [], pnl: [] };
    held.legs.push(leg);
    held.brokerMarks.push(p.mark ?? null);
    held.pnl.push(p.pnl);
    byUnderlying.set(p.symbol, held);
  }
  return [...byUnderlying.values()].map(({ pnl, ...held }) => {
    const shown = pnl.every((value) => typeof value === 'number');
    return shown ? { ...held, brokerPnl: Math.round((pnl as number[]).reduce((a, b) => a + b, 0) * 100) / 100 } : held;
  });
}

export function readConversation(messages: readonly ModelMessage[]): Conversation {
  const users: string[] = [];
  const context: string[] = [];
  messages.forEach((m, i) => {
    if (m.role === 'user') users.push(m.content);
    else if (m.role === 'system' && i === 0) context.push(...[...m.content.matchAll(CONTEXT_BLOCK)].map((block) => block[1]!));
    else if (m.role === 'system') context.push(m.content);
  });
  return {
    message: users.at(-1) ?? '',
    history: users.slice(0, -1).slice(-HISTORY),
    contextSymbols: [...new Set(context.flatMap(findSymbols))],
    contextPositions: contextPositions(context),
  };
}
