// The chat's latency (issue 9's goal: p95 time to the first `token` ≤ 50 ms; the seed's bar was
// 500 ms): from sending "key levels for SPX" to the first `token` and the first
// `function_call_start`, through SSE (`POST /api/chat/message`, `Accept: text/event-stream`, on the
// built host) and through the contract (the host's stream dispatcher, what IPC calls), answered by
// the offline coach and by the OpenAI provider talking to a local OpenAI-compatible server that
// answers at once (so the figures are the app's own, not a model's). And the relay cost of one token:
// a 2000-token answer end to end, minus the time the server itself takes to stream it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ModelMessage } from '../electron/chat/types';
import { createHost, type Host } from '../electron/host';
import { startFakeOpenAi, textAnswer, toolCallDeltas, type FakeCompletion, type FakeOpenAiRequest } from '../electron/testing/fake-openai';
import { BENCH_TOKEN, freePort, startBuiltHost, summarise, waitUntilUp, type Figure } from './lib';

const RUNS = 50;
const WARMUP = 5;
const QUESTION = 'key levels for SPX';
/** The question the fake model answers with RELAY_TOKENS tokens. */
const LONG_QUESTION = 'explain theta decay at length';
const RELAY_TOKENS = 2000;
const RELAY_RUNS = 11;
const FIRST_TOKEN_BUDGET_MS = 50;
/** 1% of the 20 ms between two tokens of a fast model (50 tokens/s). */
const RELAY_BUDGET_US = 200;
const BENCH_OPENAI_KEY = 'sk-bench-0123456789abcdefghij';

/** When each event of one answer arrived, in ms since the request left. */
interface Arrivals {
  firstToken: number;
  firstCall?: number;
  lastToken: number;
  tokens: number;
}

class EventClock {
  private firstToken?: number;
  private firstCall?: number;
  private lastToken = 0;
  private tokens = 0;
  private readonly started = performance.now();

  /** Records one event; an `error` event fails the bench (a figure of a failed turn means nothing). */
  observe(type: string | undefined, data: () => unknown): void {
    const at = performance.now() - this.started;
    if (type === 'token') {
      this.firstToken ??= at;
      this.lastToken = at;
      this.tokens += 1;
    } else if (type === 'function_call_start') this.firstCall ??= at;
    else if (type === 'error') throw new Error(`the turn failed: ${JSON.stringify(data())}`);
  }

  arrivals(): Arrivals {
    if (this.firstToken === undefined) throw new Error('the answer streamed no token');
    return { firstToken: this.firstToken, firstCall: this.firstCall, lastToken: this.lastToken, tokens: this.tokens };
  }
}

type Send = (message: string) => Promise<Arrivals>;

/**
 * The fake model: a question gets a short sentence and a call of get_key_levels (arguments split over
 * chunks, as OpenAI sends them); the function's result gets the answer; LONG_QUESTION gets
 * RELAY_TOKENS tokens.
 */
function fakeModel(request: FakeOpenAiRequest): FakeCompletion {
  const messages = request.body.messages as ModelMessage[];
  const last = messages.at(-1)!;
  if (last.role === 'tool') return textAnswer('SPX ', 'is ', 'between ', 'its ', 'pivot ', 'and ', 'R1; ', 'watch ', 'the ', 'prior-day ', 'high.');
  if (last.content === LONG_QUESTION) return textAnswer(...relayTokens());
  return { deltas: [{ content: 'Checking ' }, { content: 'SPX ' }, { content: 'levels. ' }, ...toolCallDeltas(0, `call_${messages.length}`, 'get_key_levels', ['{"sym', 'bol":', '"SPX"}'])] };
}

function relayTokens(): string[] {
  return Array.from({ length: RELAY_TOKENS }, (_, i) => `t${i} `);
}

/** `POST /api/chat/message` as SSE over a keep-alive connection; events are timed as their bytes arrive. */
function sseSender(port: number, agent: http.Agent): Send {
  return (message) =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify({ message });
      const clock = new EventClock();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/chat/message',
          method: 'POST',
          agent,
          headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json', accept: 'text/event-stream', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`POST /api/chat/message answered ${res.statusCode}`));
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            buffer += chunk;
            for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
              const block = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              try {
                clock.observe(/^event: (\w+)$/m.exec(block)?.[1], () => block);
              } catch (error) {
                req.destroy();
                reject(error as Error);
              }
            }
          });
          res.on('end', () => {
            try {
              resolve(clock.arrivals());
            } catch (error) {
              reject(error as Error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}

/** `chat:send` through the host's stream dispatcher, in process: what the IPC handler calls. */
function contractSender(host: Host): Send {
  return async (message) => {
    const clock = new EventClock();
    const result = await host.streams('chat:send', { message }, { transport: 'internal', signal: new AbortController().signal, emit: (event) => clock.observe((event as { type?: string }).type, () => event) });
    if (!result.ok) throw new Error(`chat:send failed: ${result.error.code} ${result.error.message}`);
    return clock.arrivals();
  };
}

/** Turns of every sender, interleaved (one of each per round) so that a busy machine slows all alike. */
async function sampleTogether(senders: Send[], message: string, runs: number): Promise<Arrivals[][]> {
  for (const send of senders) for (let i = 0; i < WARMUP; i++) await send(message);
  const out = senders.map((): Arrivals[] => []);
  for (let round = 0; round < runs; round++) {
    for (const [i, send] of senders.entries()) out[i]!.push(await send(message));
  }
  return out;
}

function latencyFigures(label: string, arrivals: Arrivals[]): Figure[] {
  const token = summarise(arrivals.map((a) => a.firstToken));
  const calls = arrivals.flatMap((a) => (a.firstCall === undefined ? [] : [a.firstCall]));
  if (calls.length !== arrivals.length) throw new Error(`${label}: ${arrivals.length - calls.length} answers called no function`);
  const call = summarise(calls);
  return [
    { name: `${label} first token p50`, value: token.p50, unit: 'ms', note: `${arrivals.length} turns; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores` },
    { name: `${label} first token p95`, value: token.p95, unit: 'ms', budget: FIRST_TOKEN_BUDGET_MS, note: `seed's bar ${10 * FIRST_TOKEN_BUDGET_MS} ms` },
    { name: `${label} function_call_start p50`, value: call.p50, unit: 'ms' },
    { name: `${label} function_call_start p95`, value: call.p95, unit: 'ms' },
  ];
}

/** The fake server's own streaming of the long answer, read by a bare HTTP client: first to last content chunk. */
function serverSpan(baseURL: string): Promise<number> {
  const url = new URL(`${baseURL}/chat/completions`);
  const payload = JSON.stringify({ model: 'bench', stream: true, messages: [{ role: 'user', content: LONG_QUESTION }] });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.setEncoding('utf8');
      const marker = '"content":"t';
      const count = (text: string) => text.split(marker).length - 1;
      let first: number | undefined;
      let last = 0;
      let seen = 0;
      // The end of the previous piece, so a marker cut in two by the socket is still counted once.
      let carry = '';
      res.on('data', (chunk: string) => {
        const now = performance.now();
        const contents = count(carry + chunk) - count(carry);
        carry = chunk.slice(-marker.length);
        if (!contents) return;
        first ??= now;
        last = now;
        seen += contents;
      });
      res.on('end', () => (seen === RELAY_TOKENS && first !== undefined ? resolve(last - first) : reject(new Error(`the fake server streamed ${seen} tokens`))));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Per-token cost of the app's relay (SDK parse → turn → transport → client): each round streams the
 * long answer once straight from the server and once through each sender, first to last token; the
 * figure is the median over rounds of (sender's span − server's span) per token, so both sides of a
 * difference saw the same load.
 */
async function relayFigures(senders: [string, Send][], baseURL: string): Promise<Figure[]> {
  const server: number[] = [];
  const extra = senders.map((): number[] => []);
  const spans = senders.map((): number[] => []);
  for (let round = 0; round < RELAY_RUNS; round++) {
    const own = await serverSpan(baseURL);
    server.push(own);
    for (const [i, [label, send]] of senders.entries()) {
      const a = await send(LONG_QUESTION);
      if (a.tokens !== RELAY_TOKENS) throw new Error(`${label}: ${a.tokens} of ${RELAY_TOKENS} tokens arrived`);
      spans[i]!.push(a.lastToken - a.firstToken);
      extra[i]!.push(a.lastToken - a.firstToken - own);
    }
  }
  const serverMs = summarise(server).p50;
  return senders.map(([label], i) => ({
    name: `${label} relay per token`,
    value: (summarise(extra[i]!).p50 / (RELAY_TOKENS - 1)) * 1000,
    unit: 'µs' as const,
    budget: RELAY_BUDGET_US,
    note: `${RELAY_TOKENS} tokens in ${summarise(spans[i]!).p50.toFixed(0)} ms, the server's own ${serverMs.toFixed(0)} ms; median of ${RELAY_RUNS}`,
  }));
}

function inProcessHost(env: NodeJS.ProcessEnv): { host: Host; stop(): Promise<void> } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'titm-bench-chat-'));
  const host = createHost({ mode: 'web', version: '0.0.0-bench', env: { TITM_DATA_DIR: dataDir, TITM_LOG_LEVEL: 'warn', SENTRY_DSN: '', ALERT_WORKER_ENABLED: '0', ...env }, logSink: () => {} });
  host.start();
  return {
    host,
    stop: async () => {
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function run(): Promise<Figure[]> {
  const fake = await startFakeOpenAi();
  fake.otherwise = fakeModel;
  const offlineEnv = { OPENAI_API_KEY: '' };
  const openAiEnv = { OPENAI_API_KEY: BENCH_OPENAI_KEY, OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'bench-model' };
  const limits = { TITM_RATE_LIMIT_PER_SEC: '100000', TITM_RATE_LIMIT_BURST: '100000', ALERT_WORKER_ENABLED: '0' };
  const [offlinePort, openAiPort] = [await freePort(), await freePort()];
  const builtOffline = startBuiltHost(offlinePort, { ...limits, ...offlineEnv });
  const builtOpenAi = startBuiltHost(openAiPort, { ...limits, ...openAiEnv });
  const localOffline = inProcessHost(offlineEnv);
  const localOpenAi = inProcessHost(openAiEnv);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await Promise.all([waitUntilUp(offlinePort), waitUntilUp(openAiPort)]);
    const senders: [string, Send][] = [
      ['offline coach, SSE', sseSender(offlinePort, agent)],
      ['offline coach, contract', contractSender(localOffline.host)],
      ['fake OpenAI, SSE', sseSender(openAiPort, agent)],
      ['fake OpenAI, contract', contractSender(localOpenAi.host)],
    ];
    const figures: Figure[] = [];
    const samples = await sampleTogether(senders.map(([, send]) => send), QUESTION, RUNS);
    senders.forEach(([label], i) => figures.push(...latencyFigures(label, samples[i]!)));

    figures.push(...(await relayFigures(senders.slice(2), fake.baseURL)));
    return figures;
  } finally {
    agent.destroy();
    await Promise.all([builtOffline.stop(), builtOpenAi.stop(), localOffline.stop(), localOpenAi.stop()]);
    await fake.close();
  }
}
