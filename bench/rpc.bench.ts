import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { BENCH_TOKEN, freePort, startBuiltHost, waitUntilUp, summarise, type Figure } from './lib';

const WARMUP = 300;
const CALLS = 3000;

/** Loopback `POST /api/rpc/<name>` round trips over one keep-alive connection, as the renderer makes them. */
export async function run(): Promise<Figure[]> {
  const port = await freePort();
  const host = startBuiltHost(port, { TITM_RATE_LIMIT_PER_SEC: '100000', TITM_RATE_LIMIT_BURST: '100000' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await waitUntilUp(port);
    const figures: Figure[] = [];
    for (const [name, body] of [
      ['app:info', {}],
      ['settings:set', { key: 'ui.chatPanelWidth', value: 420 }],
    ] as const) {
      const payload = JSON.stringify(body);
      for (let i = 0; i < WARMUP; i++) await post(agent, port, name, payload);
      const samples: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const started = performance.now();
        await post(agent, port, name, payload);
        samples.push(performance.now() - started);
      }
      const s = summarise(samples);
      figures.push(
        { name: `POST /api/rpc/${name} p50`, value: s.p50, unit: 'ms', note: `${CALLS} calls` },
        { name: `POST /api/rpc/${name} p95`, value: s.p95, unit: 'ms', budget: 5 },
        { name: `POST /api/rpc/${name} p99`, value: s.p99, unit: 'ms' },
      );
    }
    return figures;
  } finally {
    agent.destroy();
    await host.stop();
  }
}

function post(agent: http.Agent, port: number, name: string, payload: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/rpc/${name}`,
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${name} answered ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
