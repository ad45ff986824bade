import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  authorization: string | undefined;
}

/** Answers one request: status, JSON body, headers; `hang` never answers (timeouts). */
export type FakeReply = { status?: number; body?: unknown; headers?: Record<string, string>; hang?: boolean };
export type FakeRoute = (url: URL, request: FakeRequest) => FakeReply | undefined;

export interface FakeMassive {
  url: string;
  requests: FakeRequest[];
  /** Routes tried in order; the first that answers wins; none → 404 like Massive's unknown path. */
  routes: FakeRoute[];
  close(): Promise<void>;
}

/** A local HTTP server that speaks Massive.com's REST shapes, for tests (no network). */
export async function startFakeMassive(routes: FakeRoute[] = []): Promise<FakeMassive> {
  const requests: FakeRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const request = { method: req.method ?? 'GET', url: req.url ?? '/', authorization: req.headers.authorization };
    requests.push(request);
    const url = new URL(request.url, 'http://fake.massive');
    const reply = fake.routes.reduce<FakeReply | undefined>((found, route) => found ?? route(url, request), undefined) ?? {
      status: 404,
      body: { status: 'NOT_FOUND', request_id: 'fake', message: 'Not found' },
    };
    if (reply.hang) {
      hanging.add(res);
      return;
    }
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeMassive = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
