import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionChunk, ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { CoachError } from '../../../shared/errors';
import { createScrubber } from '../../../shared/scrub';
import type { CircuitBreaker } from '../../net/circuit-breaker';
import { ChatProviderError, type ChatProvider, type ModelMessage, type ModelToolCall, type ProviderTurn } from '../types';

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

export interface OpenAiProviderOptions {
  /** Read at every turn, so a key saved in the app is used without a restart. */
  apiKey: () => string | undefined;
  /** Any OpenAI-compatible server (Ollama, llama.cpp, vLLM, LM Studio): OPENAI_BASE_URL; OpenAI's own when absent. */
  baseURL?: string;
  /** OPENAI_MODEL; gpt-4o-mini when absent. */
  model?: string;
  /** The longest the server may stay silent: before its answer starts, and between two chunks (OPENAI_TIMEOUT_MS). */
  timeoutMs: number;
  /** Model calls per turn; a model still calling functions after that many ends the turn with an error. */
  maxRounds?: number;
  /** SDK retries of a failed request before any of the answer arrived (the breaker sees only the last). */
  maxRetries?: number;
  breaker: CircuitBreaker;
}

/** One model call's outcome: the text it streamed and the tool calls it asked for, in index order. */
interface RoundResult {
  content: string;
  toolCalls: ModelToolCall[];
}

/**
 * The OpenAI-compatible provider: streams `chat.completions` with the app's functions as tools,
 * relays content deltas as tokens, runs the tool calls through the turn's executor, feeds the
 * results back and calls the model again until it answers without calling a function.
 */
export class OpenAiProvider implements ChatProvider {
  readonly id = 'openai' as const;
  readonly model: string;
  private readonly baseURL: string;
  private readonly timeoutMs: number;
  private readonly maxRounds: number;
  private readonly maxRetries: number;
  private client?: { key: string; sdk: OpenAI };

  constructor(private readonly options: OpenAiProviderOptions) {
    this.model = options.model ?? DEFAULT_OPENAI_MODEL;
    this.baseURL = (options.baseURL ?? DEFAULT_OPENAI_BASE_URL).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.maxRounds = options.maxRounds ?? 5;
    this.maxRetries = options.maxRetries ?? 0;
  }

  get label(): string {
    return this.model;
  }

  async respond(turn: ProviderTurn): Promise<void> {
    const key = this.options.apiKey();
    if (!key) throw new ChatProviderError('provider_unavailable', 'No OpenAI API key is configured (OPENAI_API_KEY or the Profile tab)');
    const sdk = this.sdkFor(key);
    const messages: ModelMessage[] = [...turn.messages];
    for (let round = 1; round <= this.maxRounds; round += 1) {
      const { content, toolCalls } = await this.round(sdk, key, messages, turn, round);
      if (!toolCalls.length) return;
      if (round === this.maxRounds) break;
      messages.push({ role: 'assistant', content: content || null, tool_calls: toolCalls });
      for (const call of toolCalls) {
        const record = await turn.callFunction(call.function.name, call.function.arguments, call.id);
        const reply = record.status === 'ok' ? record.result : { error: record.error ?? 'The function failed' };
        messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(reply ?? null) });
      }
      if (turn.signal.aborted) throw new ChatProviderError('aborted', 'Stopped before the model could answer');
    }
    throw new ChatProviderError('too_many_rounds', `${this.model} was still calling functions after ${this.maxRounds} rounds; the answer was stopped there`);
  }

  private sdkFor(key: string): OpenAI {
    if (this.client?.key !== key) {
      // The SDK's own logging is off: failures are reported through the turn's logger, without the key.
      this.client = { key, sdk: new OpenAI({ apiKey: key, baseURL: this.baseURL, maxRetries: this.maxRetries, logLevel: 'off' }) };
    }
    return this.client.sdk;
  }

  /** One streamed model call through the breaker; aborts the HTTP request on cancel or silence. */
  private async round(sdk: OpenAI, key: string, messages: ModelMessage[], turn: ProviderTurn, round: number): Promise<RoundResult> {
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const armSilenceTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.timeoutMs);
    };
    const stop = () => controller.abort();
    if (turn.signal.aborted) stop();
    turn.signal.addEventListener('abort', stop, { once: true });
    const stopped = () => (timedOut ? this.timeoutError() : new ChatProviderError('aborted', 'Stopped by the user'));
    const started = Date.now();
    try {
      return await this.options.breaker.run(async () => {
        try {
          armSilenceTimer();
          const stream = await sdk.chat.completions.create(
            { model: this.model, messages: messages as ChatCompletionMessageParam[], stream: true, ...(turn.tools.length ? { tools: toTools(turn) } : {}) },
            { signal: controller.signal, timeout: this.timeoutMs },
          );
          const answer = new AnswerAccumulator(round);
          for await (const chunk of stream) {
            armSilenceTimer();
            const text = answer.add(chunk);
            if (text) turn.emitToken(text);
          }
          // The SDK ends the iteration quietly when its request is aborted.
          if (controller.signal.aborted) throw stopped();
          if (!answer.finished) throw new ChatProviderError('provider_error', `${this.host()} ended the stream before the answer was finished`);
          const result = answer.result();
          turn.log.debug('openai round done', { round, model: this.model, chars: result.content.length, toolCalls: result.toolCalls.map((c) => c.function.name), ms: Date.now() - started });
          return result;
        } catch (error) {
          if (controller.signal.aborted) throw stopped();
          throw error;
        }
      }, countsAgainstProvider);
    } catch (error) {
      const failure = this.toProviderError(error, key);
      // A stop is the user's choice, not a failure worth a warning.
      turn.log[failure.code === 'aborted' ? 'info' : 'warn']('openai round failed', { round, model: this.model, code: failure.code, error: failure.message, ms: Date.now() - started });
      throw failure;
    } finally {
      clearTimeout(timer);
      turn.signal.removeEventListener('abort', stop);
    }
  }

  private host(): string {
    return `The model server (${new URL(this.baseURL).host})`;
  }

  private timeoutError(): ChatProviderError {
    return new ChatProviderError('timeout', `${this.host()} sent nothing for ${this.timeoutMs} ms`);
  }

  /** A failure as the stream reports it: a code, and a message naming the server and the HTTP status, never the key. */
  private toProviderError(error: unknown, key: string): ChatProviderError {
    const scrub = (text: string) => createScrubber([key]).text(text);
    if (error instanceof ChatProviderError) return error;
    if (error instanceof CoachError && error.code === 'unavailable') return new ChatProviderError('provider_unavailable', error.message);
    if (error instanceof APIUserAbortError) return new ChatProviderError('aborted', 'Stopped by the user');
    if (error instanceof APIConnectionTimeoutError) return this.timeoutError();
    if (error instanceof APIConnectionError) return new ChatProviderError('provider_unavailable', `${this.host()} is unreachable: ${scrub(describeCause(error))}`);
    if (error instanceof APIError) {
      const detail = scrub(serverMessage(error));
      if (error.status === undefined) return new ChatProviderError('provider_error', `${this.host()} reported an error mid-answer: ${detail}`);
      const keyHint = error.status === 401 || error.status === 403 ? ' (check OPENAI_API_KEY)' : '';
      return new ChatProviderError('provider_error', `${this.host()} answered HTTP ${error.status}${keyHint}: ${detail}`);
    }
    if (error instanceof SyntaxError) return new ChatProviderError('provider_error', `${this.host()} sent a malformed stream: ${error.message}`);
    return new ChatProviderError('provider_error', `The connection to ${this.host().replace(/^The /, 'the ')} dropped mid-answer: ${scrub(describeCause(error))}`);
  }
}

/**
 * Builds a round's answer from its chunks: content concatenated, tool calls gathered by their
 * `index` (id and name come in a call's first chunk, the arguments in fragments after it).
 */
export class AnswerAccumulator {
  private content = '';
  private readonly calls = new Map<number, { id: string; name: string; arguments: string }>();
  finished = false;

  constructor(private readonly round: number) {}

  /** Takes one chunk; returns its text to stream to the user ('' when none). */
  add(chunk: ChatCompletionChunk): string {
    let text = '';
    for (const choice of chunk.choices) {
      if (choice.index !== 0) continue;
      if (choice.delta.content) text += choice.delta.content;
      for (const delta of choice.delta.tool_calls ?? []) {
        const call = this.calls.get(delta.index) ?? { id: '', name: '', arguments: '' };
        if (delta.id) call.id = delta.id;
        if (delta.function?.name) call.name = delta.function.name;
        if (delta.function?.arguments) call.arguments += delta.function.arguments;
        this.calls.set(delta.index, call);
      }
      if (choice.finish_reason) this.finished = true;
    }
    this.content += text;
    return text;
  }

  result(): RoundResult {
    const toolCalls = [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      // Some local servers send no id; the tool message needs one to answer the call.
      .map(([index, call]): ModelToolCall => ({ id: call.id || `call_${this.round}_${index}`, type: 'function', function: { name: call.name, arguments: call.arguments } }));
    return { content: this.content, toolCalls };
  }
}

function toTools(turn: ProviderTurn): ChatCompletionTool[] {
  return turn.tools.map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.parameters } }));
}

/** Outages count against the breaker; a user's stop and a request the server refused as malformed do not. */
function countsAgainstProvider(error: unknown): boolean {
  if (error instanceof ChatProviderError) return error.code !== 'aborted';
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIError && error.status !== undefined) return error.status === 429 || error.status >= 500;
  return true;
}

function serverMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : error.message;
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
}
