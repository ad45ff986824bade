import { marketDate } from '../../../market/calendar';
import type { FunctionCallRecord } from '../../../../shared/schemas/chat';
import { ChatProviderError, type ChatProvider, type ProviderTurn } from '../../types';
import type { PlannedCall } from './arguments';
import { composeCall, composeNext, composeUnavailable } from './compose';
import { brokerMismatchNotice, compareWithBroker } from './compose/broker';
import { composeBookTotals } from './compose/positions';
import { composeExplain, composeReply } from './compose/replies';
import { readConversation } from './conversation';
import { planTurn } from './intent';

/**
 * The default chat engine when no model is configured: reads the request (intent.ts), calls the
 * same functions through the same executor as a model would (`turn.callFunction`), and streams an
 * answer composed from their results, worded for the user's experience level. Deterministic: the
 * same conversation at the same instant gets the same answer.
 */

export interface OfflineCoachOptions {
  /** The clock "today", "friday" and "0dte" are read against (tests fix it). */
  now?: () => number;
}

/** Word-sized pieces whose concatenation is the text: each word with the spaces after it. */
export function wordChunks(text: string): string[] {
  return text.split(/(?<=\s)(?=\S)/).filter(Boolean);
}

/** Lets the stream's writes and a Stop reach us between pieces, without any artificial delay. */
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class OfflineCoach implements ChatProvider {
  readonly id = 'offline' as const;
  readonly label = 'Offline coach';
  readonly model = null;

  constructor(private readonly options: OfflineCoachOptions = {}) {}

  async respond(turn: ProviderTurn): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    const conversation = readConversation(turn.messages);
    const plan = planTurn(conversation.message, {
      now,
      history: conversation.history,
      fallbackSymbols: [...conversation.contextSymbols, ...turn.profile.preferredSymbols],
      contextPositions: conversation.contextPositions,
    });
    turn.log.debug('offline coach plan', { plan });
    const experience = turn.profile.experienceLevel;
    const available = new Set(turn.tools.map((tool) => tool.name));

    let written = false;
    const write = async (text: string) => {
      for (const piece of wordChunks(written ? `\n\n${text}` : text)) {
        stopIfAborted(turn);
        turn.emitToken(piece);
        await nextTick();
      }
      written = true;
    };

    if (plan.kind === 'reply') return write(composeReply(plan.reply, { experience, displayName: turn.profile.displayName, available }));
    if (plan.kind === 'clarify') return write(plan.question);
    if (plan.kind === 'explain') return write(composeExplain(plan.topic));

    const today = marketDate(now);
    let last: { call: PlannedCall; record: FunctionCallRecord } | null = null;
    // The calls are the session's context positions (a screenshot's, one per underlying): their sums close the answer.
    const held = conversation.contextPositions;
    const book = held.length > 0 && plan.calls.length === held.length && plan.calls.every((c, i) => c.name === 'analyze_position' && c.arguments.legs === held[i]!.legs);
    const analysed: unknown[] = [];
    let mismatchSaid = false;
    for (const [i, call] of plan.calls.entries()) {
      stopIfAborted(turn);
      last = null;
      if (!available.has(call.name)) {
        await write(composeUnavailable(call));
        continue;
      }
      const record = await turn.callFunction(call.name, call.arguments);
      stopIfAborted(turn);
      const answer = composeCall(call, record, { experience, today });
      // A result the composer cannot read means the function's shape moved: worth a line in the log.
      if (answer.unreadable) turn.log.warn('offline coach could not read a function result', { name: call.name });
      // A screenshot position: the broker's own marks and P&L beside the app's, and a plain word when they part.
      const broker = book && record.status === 'ok' ? compareWithBroker(held[i]!, record.result) : null;
      if (broker?.differs && !mismatchSaid) {
        await write(brokerMismatchNotice(held[i]!));
        mismatchSaid = true;
      }
      await write(answer.text);
      if (broker?.line) await write(broker.line);
      if (record.status === 'ok' && !answer.unreadable) last = { call, record };
      if (record.status === 'ok') analysed.push(record.result);
    }
    const totals = book ? composeBookTotals(analysed, plan.calls[0]?.focus ?? null, held) : null;
    if (totals) await write(totals);
    // A next step only follows an answer that worked.
    const next = last ? composeNext(last.call, last.record, experience) : null;
    if (next) await write(next);
  }
}

function stopIfAborted(turn: ProviderTurn): void {
  if (turn.signal.aborted) throw new ChatProviderError('aborted', 'The answer was stopped');
}
