import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { parseEnvelope } from '../monitoring/envelope';

/** One envelope as it arrived: the raw body (un-gzipped) and its parsed items. */
export interface ReceivedEnvelope {
  url: string;
  body: Buffer;
  headers: Record<string, unknown>;
  items: { type: string; payload: Record<string, unknown> }[];
}

export interface FakeSentry {
  /** `http://<publicKey>@127.0.0.1:<port>/1` */
  readonly dsn: string;
  readonly publicKey: string;
  readonly port: number;
  readonly received: ReceivedEnvelope[];
  /** Every item payload of every envelope of type `type` (event, transaction, session...). */
  payloads(type: string): Record<string, unknown>[];
  /** Answer with this status (e.g. 503) from now on; 200 again with `respondWith(200)`. */
  respondWith(status: number): void;
  close(): Promise<void>;
}

/**
 * A Sentry envelope receiver on 127.0.0.1, so the real SDKs are exercised with no network:
 * `POST /api/<project>/envelope/` stores the envelope; `GET /received` lists them as JSON
 * (base64 bodies and parsed items) for tests running in another process (Playwright).
 */
export async function startFakeSentry(
  options: {
    port?: number;
    publicKey?: string;
    /** Answers the requests that are not Sentry's (the E2E serves a failing Massive.com beside it); 404 without. */
    otherRequests?: http.RequestListener;
  } = {},
): Promise<FakeSentry> {
  const publicKey = options.publicKey ?? 'fakepublickey0123456789';
  const received: ReceivedEnvelope[] = [];
  let status = 200;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/received') {
        const list = received.map((e) => ({ url: e.url, body: e.body.toString('base64'), headers: e.headers, items: e.items }));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
        return;
      }
      if (req.method !== 'POST' || !/^\/api\/\d+\/envelope\//.test(req.url ?? '')) {
        if (options.otherRequests) options.otherRequests(req, res);
        else res.writeHead(404).end();
        return;
      }
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
      try {
        const envelope = parseEnvelope(body);
        const items = envelope.items.map((item) => ({ type: String(item.headers.type), payload: JSON.parse(item.payload.toString('utf8')) as Record<string, unknown> }));
        received.push({ url: req.url ?? '', body, headers: envelope.headers, items });
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"id":"ok"}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    dsn: `http://${publicKey}@127.0.0.1:${port}/1`,
    publicKey,
    port,
    received,
    payloads: (type) => received.flatMap((e) => e.items.filter((i) => i.type === type).map((i) => i.payload)),
    respondWith: (next) => (status = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
