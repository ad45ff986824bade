import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { freePort, startBuiltHost, summarise, type Figure } from './lib';

const RUNS = 10;

/** GET /health/ready once; true on a 200. */
function ready(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health/ready', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

/** Cold start: from spawning a fresh `node out/host/web.mjs` (new data folder) to the first ready answer. */
export async function run(): Promise<Figure[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const port = await freePort();
    const started = performance.now();
    const host = startBuiltHost(port);
    while (!(await ready(port))) {
      if (host.child.exitCode !== null) throw new Error(`host exited with ${host.child.exitCode}`);
      if (performance.now() - started > 15_000) throw new Error('host not ready after 15 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    samples.push(performance.now() - started);
    await host.stop();
  }
  const s = summarise(samples);
  return [
    { name: 'cold start to /health/ready (median)', value: s.p50, unit: 'ms', budget: 1500, note: `${RUNS} runs, fresh data folder each` },
    { name: 'cold start to /health/ready (worst)', value: s.max, unit: 'ms', budget: 1500 },
  ];
}
