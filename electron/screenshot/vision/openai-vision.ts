import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { z } from 'zod';
import { describeIssues, toIssues } from '../../../shared/errors';
import { createScrubber } from '../../../shared/scrub';
import { BrokerSchema, ExtractedPositionSchema, POSITION_FIELDS, type ExtractedPosition, type PositionField } from '../../../shared/schemas/screenshot';
import type { CircuitBreaker } from '../../net/circuit-breaker';
import type { CheckedImage, Extraction, PositionExtractor, ProgressListener } from '../types';

export interface OpenAiVisionOptions {
  /** Read at each reading, so a key saved in the app is used without a restart. */
  apiKey: () => string | undefined;
  /** OPENAI_BASE_URL (any OpenAI-compatible server with a vision model); OpenAI's own when absent. */
  baseURL?: string;
  /** OPENAI_VISION_MODEL, else the chat's OPENAI_MODEL, else the default. */
  model: string;
  /** The longest a whole reading may take (OPENAI_TIMEOUT_MS). */
  timeoutMs: number;
  breaker: CircuitBreaker;
}

const Confidence = z.number().min(0).max(1);
const FieldConfidence = Object.fromEntries(POSITION_FIELDS.map((field) => [field, Confidence])) as Record<PositionField, typeof Confidence>;

/** The model's answer: the position fields as ExtractedPosition has them, a confidence for each, and the broker. */
const VisionPositionSchema = ExtractedPositionSchema.pick({ symbol: true, assetType: true, strike: true, expiry: true, quantity: true, side: true, avgPrice: true, mark: true, pnl: true })
  .extend({ confidence: z.strictObject({ overall: Confidence, ...FieldConfidence }) })
  .strict();
const VisionAnswerSchema = z.strictObject({ broker: BrokerSchema, positions: z.array(VisionPositionSchema) });
type VisionPosition = z.infer<typeof VisionPositionSchema>;

/** The same schema as JSON Schema for `response_format` (strict: every field required, nulls allowed where the zod schema allows them). */
const { $schema: _draft, ...ANSWER_JSON_SCHEMA } = z.toJSONSchema(VisionAnswerSchema, { target: 'draft-7' });

const INSTRUCTIONS = [
  "You read a screenshot of a broker's open positions table (thinkorswim, Interactive Brokers TWS, Robinhood, Webull, Tastytrade, or another).",
  'Return every position row: symbol is the underlying ticker (SPY, not the OCC option symbol); assetType stock, call or put;',
  'strike and expiry (YYYY-MM-DD) for options, null for stock; quantity as a positive number of contracts or shares, with side long or short (a negative quantity means short);',
  'avgPrice (the average cost per share or the premium as quoted, not x100), mark (the current price) and pnl (the open P&L in dollars) when shown, else null.',
  'For each field give your confidence from 0 to 1 (how sure you are you read it right; 0 for a null field) and an overall confidence for the row.',
  'broker is the platform the table looks like, or "generic". No positions table: an empty positions list. Never invent a row or a number.',
].join(' ');

/**
 * Reads positions with an OpenAI-compatible vision model: the image goes as a `data:` URL, the
 * answer comes back as JSON under a strict schema and is checked with zod. Any failure throws: the
 * service falls back to local OCR.
 */
export class OpenAiVisionExtractor implements PositionExtractor {
  readonly method = 'openai_vision' as const;
  private readonly baseURL: string;
  private client?: { key: string; sdk: OpenAI };

  constructor(private readonly options: OpenAiVisionOptions) {
    this.baseURL = (options.baseURL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
  }

  async extract(image: CheckedImage, { signal, onProgress }: { signal: AbortSignal; onProgress: ProgressListener }): Promise<Extraction> {
    const key = this.options.apiKey();
    if (!key) throw new Error('no OpenAI API key is configured');
    onProgress({ stage: 'vision', progress: 0.1, message: `Asking ${this.options.model} to read the positions…` });
    const text = await this.ask(key, image, signal);
    onProgress({ stage: 'parsing', progress: 0.95, message: 'Reading the answer…' });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${this.options.model} answered with text that is not JSON`);
    }
    const answer = VisionAnswerSchema.safeParse(json);
    if (!answer.success) throw new Error(`${this.options.model}'s answer does not match the positions schema: ${describeIssues(toIssues(answer.error)).slice(0, 300)}`);
    const positions = answer.data.positions.map(toExtractedPosition);
    return { method: this.method, broker: answer.data.broker, positions, warnings: [], rawText: positions.map((p) => p.rawText).join('\n') };
  }

  /** The model's whole answer, streamed through the breaker and bounded by the timeout. */
  private async ask(key: string, image: CheckedImage, signal: AbortSignal): Promise<string> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const stop = AbortSignal.any([signal, deadline]);
    try {
      return await this.options.breaker.run(async () => {
        // Streamed: a local server can start answering early, and the silence of a stalled one ends at the deadline.
        const stream = await this.sdkFor(key).chat.completions.create(
          {
            model: this.options.model,
            stream: true,
            messages: [
              { role: 'system', content: INSTRUCTIONS },
              {
                role: 'user',
                content: [
                  { type: 'text', text: 'Read the positions in this screenshot.' },
                  { type: 'image_url', image_url: { url: `data:${image.mimeType};base64,${image.data.toString('base64')}`, detail: 'high' } },
                ],
              },
            ],
            response_format: { type: 'json_schema', json_schema: { name: 'broker_positions', strict: true, schema: ANSWER_JSON_SCHEMA } },
          },
          { signal: stop, timeout: this.options.timeoutMs },
        );
        let text = '';
        let finished = false;
        for await (const chunk of stream) {
          const choice = chunk.choices.find((c) => c.index === 0);
          text += choice?.delta.content ?? '';
          if (choice?.finish_reason) finished = true;
        }
        if (stop.aborted) throw new APIUserAbortError();
        if (!finished) throw new Error(`${this.host()} ended the answer before it was finished`);
        return text;
      }, countsAgainstServer);
    } catch (error) {
      if (deadline.aborted && !signal.aborted) throw new Error(`${this.host()} did not answer within ${this.options.timeoutMs / 1000} s`, { cause: error });
      throw new Error(describeFailure(error, this.host(), key), { cause: error });
    }
  }

  private sdkFor(key: string): OpenAI {
    if (this.client?.key !== key) this.client = { key, sdk: new OpenAI({ apiKey: key, baseURL: this.baseURL, maxRetries: 0, logLevel: 'off' }) };
    return this.client.sdk;
  }

  private host(): string {
    return `the model server (${new URL(this.baseURL).host})`;
  }
}

/** "Long 2 SPY 2025-06-20 600 call @ 4.2, mark 5.1, P&L 180": what the model read, for the user to compare. */
function rendering(p: Omit<ExtractedPosition, 'confidence' | 'rawText'>): string {
  const contract = p.assetType === 'stock' ? p.symbol : [p.symbol, p.expiry, p.strike, p.assetType].filter((part) => part !== null).join(' ');
  const parts = [`${p.side === 'short' ? 'Short' : 'Long'} ${p.quantity} ${contract}`];
  if (p.avgPrice !== null) parts[0] += ` @ ${p.avgPrice}`;
  if (p.mark !== null) parts.push(`mark ${p.mark}`);
  if (p.pnl !== null) parts.push(`P&L ${p.pnl}`);
  return parts.join(', ');
}

/** A row as the reader reports it: a positive quantity with the side, and a confidence only for the fields read. */
function toExtractedPosition(row: VisionPosition): ExtractedPosition {
  const side = row.quantity < 0 ? 'short' : row.side;
  const fields = { ...row, symbol: row.symbol.trim().toUpperCase(), quantity: Math.abs(row.quantity), side } as const;
  const { confidence, ...values } = fields;
  const read = POSITION_FIELDS.filter((field) => values[field] !== null);
  return {
    ...values,
    confidence: { overall: confidence.overall, fields: Object.fromEntries(read.map((field) => [field, confidence[field]])) },
    rawText: rendering(values).slice(0, 500),
  };
}

/** Outages count against the server; a stop, or a request it refused as malformed, do not. */
function countsAgainstServer(error: unknown): boolean {
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIError && error.status !== undefined) return error.status === 429 || error.status >= 500;
  return !(error instanceof Error && error.name === 'AbortError');
}

/** A failure in a sentence naming the server and the HTTP status, never the key. */
function describeFailure(error: unknown, host: string, key: string): string {
  const scrub = (text: string) => createScrubber([key]).text(text);
  if (error instanceof APIUserAbortError) return 'stopped';
  if (error instanceof APIConnectionTimeoutError) return `${host} timed out`;
  if (error instanceof APIConnectionError) return `${host} is unreachable`;
  if (error instanceof APIError && error.status !== undefined) {
    const body = error.error as { message?: unknown } | undefined;
    const detail = typeof body?.message === 'string' ? body.message : error.message;
    return scrub(`${host} answered HTTP ${error.status}: ${detail}`).slice(0, 300);
  }
  return scrub(error instanceof Error ? error.message : String(error)).slice(0, 300);
}
