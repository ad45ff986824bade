import { z } from 'zod';
import type { CallName, CallOutput } from '../../shared/contract';
import { CoachError, describeIssues, toIssues } from '../../shared/errors';
import type { FunctionCallRecord } from '../../shared/schemas/chat';
import { WidgetSchema, type Widget } from '../../shared/schemas/chat-widgets';
import type { UserProfile } from '../../shared/schemas/profile';
import type { Dispatch } from '../contract/dispatcher';
import type { Logger } from '../observability/logger';
import type { ChatFunction, FunctionContext, ToolSpec } from './types';

/** What a function call needs from its turn. */
export interface ExecutionContext {
  dispatch: Dispatch;
  requestId: string;
  log: Logger;
  signal: AbortSignal;
  profile: UserProfile;
  now: number;
}

/** The `function_call_start` facts: known once the arguments are read, before the function runs. */
export interface CallStart {
  id: string;
  name: string;
  label: string;
  arguments: unknown;
}

type ParsedArguments = { ok: true; value: unknown } | { ok: false; raw: string; error: string };

/** The model's arguments: JSON text (empty = no arguments) or an object already. */
export function parseArguments(args: string | Record<string, unknown>): ParsedArguments {
  if (typeof args !== 'string') return { ok: true, value: args };
  if (!args.trim()) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(args) as unknown };
  } catch (error) {
    return { ok: false, raw: args, error: `Arguments are not valid JSON (${(error as Error).message}); send a JSON object` };
  }
}

/** A function's arguments as the model sees them: the JSON schema of the zod schema's input. */
export function toolSpec(fn: ChatFunction): ToolSpec {
  const { $schema: _dialect, ...parameters } = z.toJSONSchema(fn.parameters, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { name: fn.name, description: fn.description, parameters };
}

/** Plain JSON (what is stored and fed back): undefined fields dropped, dates as strings. */
const plainJson = (value: unknown): unknown => (value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown));

const elapsed = (started: number): number => Math.round((performance.now() - started) * 10) / 10;

/**
 * Runs the chat's functions by name with a model's arguments: parses and validates them, runs the
 * function with contract access under the turn's request id, and records the outcome. Nothing the
 * model sends can make it throw: bad JSON, unknown names, refused arguments and failing services
 * become `error` records whose message the model reads back.
 */
export class FunctionExecutor {
  private readonly byName = new Map<string, ChatFunction>();
  readonly specs: ToolSpec[];

  constructor(functions: ChatFunction[]) {
    for (const fn of functions) {
      if (this.byName.has(fn.name)) throw new Error(`Chat function ${fn.name} is registered twice`);
      this.byName.set(fn.name, fn);
    }
    this.specs = functions.map(toolSpec);
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  /** The chip shown while a function runs. */
  label(name: string): string {
    return this.byName.get(name)?.label ?? `Calling ${name}…`;
  }

  async execute(name: string, args: string | Record<string, unknown>, id: string, ctx: ExecutionContext, onStart: (start: CallStart) => void): Promise<FunctionCallRecord> {
    const started = performance.now();
    const parsed = parseArguments(args);
    const shown = parsed.ok ? parsed.value : parsed.raw;
    const log = ctx.log.child({ function: name, callId: id });
    const failed = (error: string): FunctionCallRecord => {
      log.info('function call failed', { error });
      return { id, name, arguments: plainJson(shown), status: 'error', result: { error }, error, ms: elapsed(started) };
    };
    onStart({ id, name, label: this.label(name), arguments: plainJson(shown) });
    // Lets the transports send the chip (and the tokens before it) before a function's synchronous
    // work: an HTTP response only writes what it was given once the event loop turns.
    await new Promise((resolve) => setImmediate(resolve));

    const fn = this.byName.get(name);
    if (!fn) return failed(`Unknown function ${name}. Available: ${this.names.join(', ') || 'none'}`);
    if (!parsed.ok) return failed(parsed.error);
    const checked = fn.parameters.safeParse(parsed.value);
    if (!checked.success) return failed(`Invalid arguments for ${name}: ${describeIssues(toIssues(checked.error))}`);
    if (ctx.signal.aborted) return failed('Stopped by the user');

    try {
      const outcome = await fn.run(checked.data, this.functionContext(ctx, log));
      const widget = outcome.widget && this.checkedWidget(outcome.widget, log);
      const record: FunctionCallRecord = { id, name, arguments: plainJson(shown), status: 'ok', result: plainJson(outcome.result), ms: elapsed(started) };
      if (widget) record.widget = widget;
      log.debug('function call ok', { ms: record.ms });
      return record;
    } catch (error) {
      // A service's refusal (CoachError) is the model's business; anything else is a bug to look at.
      if (!(error instanceof CoachError)) log.error('function crashed', { error });
      return failed(error instanceof Error ? error.message : String(error));
    }
  }

  private functionContext(ctx: ExecutionContext, log: Logger): FunctionContext {
    return {
      async call<K extends CallName>(callName: K, input: unknown): Promise<CallOutput<K>> {
        const result = await ctx.dispatch(callName, input, { requestId: ctx.requestId, log, transport: 'internal' });
        if (!result.ok) throw CoachError.fromBody(result.error);
        return result.value as CallOutput<K>;
      },
      requestId: ctx.requestId,
      log,
      signal: ctx.signal,
      profile: ctx.profile,
      now: ctx.now,
    };
  }

  /** A card that breaks its schema is left out (the answer goes on without it), and logged. */
  private checkedWidget(widget: Widget, log: Logger): Widget | undefined {
    const checked = WidgetSchema.safeParse(widget);
    if (checked.success) return checked.data;
    log.warn('widget dropped: it breaks its schema', { type: (widget as { type?: unknown }).type, issues: describeIssues(toIssues(checked.error)) });
    return undefined;
  }
}
