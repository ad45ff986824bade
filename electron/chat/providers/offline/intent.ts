import { buildCalls, type ContextPosition, type PlannedCall } from './arguments';
import { classify, socialReply, type Classification, type IntentKind, type ReplyKind } from './classify';
import { extractEntities, normalize, type Entities } from './entities';
import { findTopic, type Topic } from './topics';

/**
 * The offline coach's understanding of one turn: text in, the function calls to make (with their
 * arguments) or the question to ask, or a reply that needs no function. Pure and deterministic:
 * the same message, history and instant always give the same plan.
 */

export type { PlannedCall, ContextPosition } from './arguments';
export type { IntentKind, ReplyKind } from './classify';
export type { Topic } from './topics';

export type Plan =
  | { kind: 'calls'; intent: IntentKind; calls: PlannedCall[] }
  | { kind: 'clarify'; intent: IntentKind; question: string }
  | { kind: 'reply'; reply: ReplyKind }
  | { kind: 'explain'; topic: Topic };

export interface IntentContext {
  /** Epoch ms the message is read at: "today", "friday" and "0dte" resolve in New York from it. */
  now: number;
  /** The user's earlier messages in this session, oldest first ("and NDX?" continues them). */
  history: readonly string[];
  /** Symbols to fall back on when the conversation named none: the session's context, then the profile's. */
  fallbackSymbols: readonly string[];
  /** Positions the session's context holds (from a screenshot): "my positions" means these. */
  contextPositions?: readonly ContextPosition[];
}

interface Reading {
  text: string;
  classification: Classification | ReplyKind | null;
  entities: Entities;
  /** A roll's target, read from the words after "to". */
  target: Entities | null;
}

/** "roll my spy 600c dec 19 | to jan 16 2027": the contract held, then where it goes. */
const ROLL_TARGET = /\s(?:to|into|out\s+to|up\s+to|down\s+to|->|→)\s/i;

function read(message: string, now: number): Reading {
  const text = normalize(message);
  const entities = extractEntities(message, now);
  const classification = classify(text, entities.symbols, { contract: entities.contracts.length > 0, level: entities.level });
  if (typeof classification === 'object' && classification?.intent === 'roll') {
    const split = ROLL_TARGET.exec(message);
    if (split) {
      const held = extractEntities(message.slice(0, split.index), now);
      return { text, classification, entities: held, target: extractEntities(message.slice(split.index + split[0].length), now) };
    }
  }
  return { text, classification, entities, target: null };
}

function namesSomething(e: Entities): boolean {
  return (
    e.symbols.length > 0 || e.contracts.length > 0 || e.right !== null || e.dates.length > 0 || e.zeroDte || e.period !== null ||
    e.barSize !== null || e.level !== null || e.ids.length > 0 || e.numbers.length > 0 || e.count !== null
  );
}

/** `base` with what `next` says instead ("and NDX?", "what about friday", "and the put?", "6050 instead"). */
export function mergeEntities(base: Entities, next: Entities): Entities {
  const newExpiry = next.dates.length > 0 || next.zeroDte;
  let contracts = base.contracts;
  if (next.contracts.length) contracts = next.contracts.map((c) => ({ ...c, right: c.right ?? base.contracts[0]?.right ?? base.right }));
  else if (next.right) contracts = base.contracts.map((c) => ({ ...c, right: next.right }));
  else if (next.numbers.length && base.contracts.length) contracts = [{ ...base.contracts[0]!, strike: next.numbers[0]! }];
  if (newExpiry) contracts = contracts.map((c) => ({ ...c, expiry: null }));
  return {
    symbols: next.symbols.length ? next.symbols : base.symbols,
    contracts,
    right: next.right ?? base.right,
    dates: newExpiry ? next.dates : base.dates,
    zeroDte: newExpiry ? next.zeroDte : base.zeroDte,
    period: next.period ?? base.period,
    barSize: next.barSize ?? base.barSize,
    days: next.days ?? base.days,
    count: next.count ?? base.count,
    quantity: next.quantity ?? base.quantity,
    price: next.price ?? base.price,
    level: next.level ?? base.level,
    ids: next.ids.length ? next.ids : base.ids,
    // A bare number replaces a strike when there was a contract, else a price ("alert at 6050 instead").
    numbers: next.numbers.length && !(base.contracts.length && !next.contracts.length) ? next.numbers : base.numbers,
  };
}

interface Resolved {
  classification: Classification;
  text: string;
  entities: Entities;
  target: Entities | null;
}

/** A message that only names things continues the last request it can ("key levels for SPX" … "and NDX?"). */
function continueConversation(current: Reading, earlier: readonly Reading[]): Resolved | null {
  const followUps: Reading[] = [current];
  for (let i = earlier.length - 1; i >= 0; i -= 1) {
    const reading = earlier[i]!;
    if (typeof reading.classification === 'string') return null;
    if (reading.classification === null) {
      if (!namesSomething(reading.entities)) return null;
      followUps.unshift(reading);
      continue;
    }
    let { entities, target } = reading;
    for (const next of followUps) {
      const intoTarget = reading.classification.intent === 'roll' && (target === null || target.dates.length === 0);
      if (intoTarget) target = target ? mergeEntities(target, next.entities) : next.entities;
      else entities = mergeEntities(entities, next.entities);
    }
    return { classification: reading.classification, text: reading.text, entities, target };
  }
  return null;
}

/** The most recent symbol the conversation named. */
function lastSymbol(earlier: readonly Reading[]): string | null {
  for (let i = earlier.length - 1; i >= 0; i -= 1) {
    const symbol = earlier[i]!.entities.symbols[0];
    if (symbol) return symbol;
  }
  return null;
}

/** Reads the last user message (with the earlier ones for follow-ups) into a plan. */
export function planTurn(message: string, context: IntentContext): Plan {
  const current = read(message, context.now);
  const topic = findTopic(current.text, current.entities.symbols);
  if (topic) return { kind: 'explain', topic };
  const earlier = context.history.map((text) => read(text, context.now));
  let resolved: Resolved | null = null;
  if (typeof current.classification === 'string') return { kind: 'reply', reply: current.classification };
  if (current.classification) resolved = { classification: current.classification, text: current.text, entities: current.entities, target: current.target };
  else if (namesSomething(current.entities)) resolved = continueConversation(current, earlier);

  if (!resolved) {
    const social = socialReply(current.text);
    if (social) return { kind: 'reply', reply: social };
    // Named something, asked nothing, and nothing to continue: a contract means its quote, a symbol its price.
    const e = current.entities;
    if (e.contracts.length && e.symbols.length) resolved = { classification: { intent: 'greeks', focus: null }, text: current.text, entities: e, target: null };
    else if (e.symbols.length) resolved = { classification: { intent: 'price', focus: null }, text: current.text, entities: e, target: null };
    else return { kind: 'reply', reply: 'unknown' };
  }

  const { intent, focus } = resolved.classification;
  const built = buildCalls({
    intent,
    focus,
    text: resolved.text,
    entities: resolved.entities,
    target: resolved.target,
    fallbackSymbol: lastSymbol(earlier) ?? context.fallbackSymbols[0] ?? null,
    contextPositions: context.contextPositions ?? [],
    now: context.now,
  });
  return 'question' in built ? { kind: 'clarify', intent, question: built.question } : { kind: 'calls', intent, calls: built.calls };
}
