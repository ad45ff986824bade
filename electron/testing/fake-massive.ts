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

export interface FakeOptionContract {
  /** Massive's underlying ticker as in the path: 'SPY', 'I:SPX'. */
  underlying: string;
  expiry: string;
  right: 'call' | 'put';
  strike: number;
  bid?: number;
  ask?: number;
  last?: number;
  volume?: number;
  openInterest?: number;
  underlyingPrice?: number;
}

/** One contract of the option chain snapshot in Massive's documented shape (fields the app ignores included). */
export function optionSnapshot(c: FakeOptionContract): Record<string, unknown> {
  const root = c.underlying.replace(/^I:/, '');
  const ticker = `O:${root}${c.expiry.slice(2).replaceAll('-', '')}${c.right === 'call' ? 'C' : 'P'}${String(Math.round(c.strike * 1000)).padStart(8, '0')}`;
  const quote = c.bid === undefined || c.ask === undefined ? undefined : { ask: c.ask, ask_size: 110, ask_exchange: 300, bid: c.bid, bid_size: 172, bid_exchange: 323, last_updated: 1_770_822_000_000_000_000, midpoint: (c.bid + c.ask) / 2, timeframe: 'REAL-TIME' };
  return {
    break_even_price: c.right === 'call' ? c.strike + (c.ask ?? 0) : c.strike - (c.ask ?? 0),
    day: { change: 0.1, change_percent: 2.1, close: c.last ?? 0, high: c.last ?? 0, last_updated: 1_770_822_000_000_000_000, low: c.last ?? 0, open: c.last ?? 0, previous_close: c.last ?? 0, volume: c.volume ?? 0, vwap: c.last ?? 0 },
    details: { contract_type: c.right, exercise_style: root.startsWith('SPX') || root === 'NDX' ? 'european' : 'american', expiration_date: c.expiry, shares_per_contract: 100, strike_price: c.strike, ticker },
    greeks: { delta: 0.5, gamma: 0.01, theta: -0.1, vega: 0.2 },
    implied_volatility: 0.2,
    ...(quote ? { last_quote: quote } : {}),
    ...(c.last === undefined ? {} : { last_trade: { conditions: [209], exchange: 316, price: c.last, sip_timestamp: 1_770_822_000_000_000_000, size: 2, timeframe: 'REAL-TIME' } }),
    open_interest: c.openInterest ?? 0,
    underlying_asset: { change_to_break_even: 1.2, last_updated: 1_770_822_000_000_000_000, [root === c.underlying ? 'price' : 'value']: c.underlyingPrice ?? 100, ticker: c.underlying, timeframe: 'REAL-TIME' },
  };
}

/**
 * `/v3/snapshot/options/{underlying}` as Massive serves it: filtered by `expiration_date`, `limit`
 * contracts a page (at most `maxPageSize`; Massive's is 250), and a `next_url` whose opaque cursor
 * carries the filter and offset (and no key).
 */
export function optionChainRoute(baseUrl: () => string, contracts: FakeOptionContract[], maxPageSize = 250): FakeRoute {
  return (url) => {
    const match = /^\/v3\/snapshot\/options\/([^/]+)$/.exec(url.pathname);
    if (!match) return undefined;
    const underlying = decodeURIComponent(match[1]!);
    const cursor = url.searchParams.get('cursor');
    const state = cursor
      ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { expiry: string | null; offset: number; limit: number })
      : { expiry: url.searchParams.get('expiration_date'), offset: 0, limit: Math.min(maxPageSize, Number(url.searchParams.get('limit') ?? 10)) };
    const matching = contracts.filter((c) => c.underlying === underlying && (!state.expiry || c.expiry === state.expiry));
    const page = matching.slice(state.offset, state.offset + state.limit);
    const next = state.offset + state.limit < matching.length ? Buffer.from(JSON.stringify({ ...state, offset: state.offset + state.limit })).toString('base64url') : undefined;
    return {
      body: {
        request_id: `fake-${state.offset}`,
        status: 'OK',
        results: page.map(optionSnapshot),
        ...(next ? { next_url: `${baseUrl()}/v3/snapshot/options/${match[1]}?cursor=${next}` } : {}),
      },
    };
  };
}
