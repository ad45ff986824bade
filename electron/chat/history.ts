import type { ChatMessage, FunctionCallRecord } from '../../shared/schemas/chat';
import type { ModelMessage } from './types';

/** The most recent messages a turn sends back to the model (older ones stay in the session). */
export const HISTORY_MESSAGES = 40;
/** A past function result is cut to this many characters: the numbers are in the answer that followed. */
export const PAST_RESULT_CHARS = 1500;

const argumentsText = (call: FunctionCallRecord): string => (typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}));

function pastResult(call: FunctionCallRecord): string {
  const text = JSON.stringify(call.status === 'ok' ? call.result : { error: call.error ?? 'failed' }) ?? 'null';
  return text.length <= PAST_RESULT_CHARS ? text : `${text.slice(0, PAST_RESULT_CHARS)}…(cut)`;
}

/**
 * A session's past user and assistant messages as the model reads them: an answer that called
 * functions becomes the calls, their (cut) results, then its text. `system` messages are left out:
 * their content goes into the system prompt.
 */
export function toModelMessages(history: ChatMessage[]): ModelMessage[] {
  const recent = history.filter((m) => m.role !== 'system').slice(-HISTORY_MESSAGES);
  return recent.flatMap((message): ModelMessage[] => {
    if (message.role !== 'assistant') return [{ role: 'user', content: message.content }];
    const calls = message.functionCalls;
    const text = message.status === 'stopped' ? `${message.content}\n[The trader stopped this answer here.]` : message.content;
    if (!calls.length) return [{ role: 'assistant', content: text }];
    return [
      { role: 'assistant', content: null, tool_calls: calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: argumentsText(call) } })) },
      ...calls.map((call): ModelMessage => ({ role: 'tool', tool_call_id: call.id, content: pastResult(call) })),
      { role: 'assistant', content: text },
    ];
  });
}
