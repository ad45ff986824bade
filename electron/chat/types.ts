import type { z } from 'zod';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { ChatProviderId, FunctionCallRecord } from '../../shared/schemas/chat';
import type { Widget } from '../../shared/schemas/chat-widgets';
import type { UserProfile } from '../../shared/schemas/profile';
import type { Logger } from '../observability/logger';

/**
 * The pieces of the AI coach and how they meet:
 * - a ChatFunction (one file each in `functions/`) turns validated model arguments into contract
 *   calls and returns a result for the model plus an optional card;
 * - a ChatProvider (OpenAI-compatible model, or the offline coach) answers one turn, streaming
 *   tokens and calling functions only through `ProviderTurn.callFunction`;
 * - the chat service owns the turn: events, persistence, cancel.
 */

/** What a function may use: the contract (validated, logged with the request id) and the turn's facts. */
export interface FunctionContext {
  /** A contract call; rejects with a CoachError (code, message) when the service refuses or fails. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  requestId: string;
  log: Logger;
  signal: AbortSignal;
  profile: UserProfile;
  /** Epoch ms of the turn (tests fix it). */
  now: number;
}

export interface FunctionOutcome {
  /** What the model reads back (plain JSON, compact: no long series). */
  result: unknown;
  widget?: Widget;
}

export interface ChatFunction<S extends z.ZodObject = z.ZodObject> {
  /** snake_case name the model calls, e.g. `get_key_levels`. */
  name: string;
  /** What it does and when to use it, for the model. */
  description: string;
  /** Arguments; turned into the JSON schema the model sees. Bad arguments become a tool error. */
  parameters: S;
  /** The chip while it runs, e.g. "Checking key levels…". */
  label: string;
  run(args: z.output<S>, ctx: FunctionContext): Promise<FunctionOutcome>;
}

/** Keeps the argument type of `run` tied to `parameters` where a function is written. */
export function defineFunction<S extends z.ZodObject>(fn: ChatFunction<S>): ChatFunction<S> {
  return fn;
}

/** A message as OpenAI's chat.completions takes it (the offline coach reads the same list). */
export type ModelMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ModelToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface ModelToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** A function as the model sees it. */
export interface ToolSpec {
  name: string;
  description: string;
  /** JSON schema of the arguments (from the zod schema). */
  parameters: Record<string, unknown>;
}

/** One turn as a provider sees it. */
export interface ProviderTurn {
  /** The system prompt, then the session's history, then the new user message. */
  messages: ModelMessage[];
  tools: ToolSpec[];
  profile: UserProfile;
  signal: AbortSignal;
  log: Logger;
  /** Streams a piece of the answer to the user (a `token` event). */
  emitToken(text: string): void;
  /**
   * Runs a function through the one executor: emits function_call_start then function_call_result,
   * records the call, never throws for bad arguments or a failing service (status 'error', with the
   * message the model should read). `args` is the model's JSON text or an object.
   */
  callFunction(name: string, args: string | Record<string, unknown>, callId?: string): Promise<FunctionCallRecord>;
}

/** An engine that answers a turn. Throws a ChatProviderError when the model fails. */
export interface ChatProvider {
  readonly id: ChatProviderId;
  /** For the UI: "Offline coach" or the model's name. */
  readonly label: string;
  readonly model: string | null;
  respond(turn: ProviderTurn): Promise<void>;
}

/** A provider failure the stream reports as `error {code, message}`. */
export class ChatProviderError extends Error {
  constructor(
    readonly code: 'provider_error' | 'provider_unavailable' | 'timeout' | 'aborted' | 'too_many_rounds',
    message: string,
  ) {
    super(message);
    this.name = 'ChatProviderError';
  }
}
