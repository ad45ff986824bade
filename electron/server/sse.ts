import type { ServerResponse } from 'node:http';
import type { EventName, EventPayload } from '../../shared/contract';
import { BASE_HEADERS } from './http';

const HEARTBEAT_MS = 15_000;

/** Starts a `text/event-stream` response (the event hub's and the chat's): headers out, each write sent at once. */
export function openEventStream(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, { ...BASE_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', ...headers });
  // Each event leaves at once: no Nagle delay between small writes.
  res.socket?.setNoDelay(true);
  res.flushHeaders();
}

/** One SSE event: its name and its JSON data. */
export function sseFrame(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The open `GET /api/events` streams; each contract event goes to every one of them. */
export class SseHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    // A comment line keeps proxies and idle timers from closing a quiet stream.
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  open(res: ServerResponse, requestId: string): void {
    openEventStream(res, { 'x-request-id': requestId });
    res.write(': connected\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  send<K extends EventName>(name: K, payload: EventPayload<K>): void {
    this.write(sseFrame(name, payload));
  }

  get size(): number {
    return this.clients.size;
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
