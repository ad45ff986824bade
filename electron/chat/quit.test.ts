import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatStreamEvent } from '../../shared/schemas/chat';
import { createHost } from '../host';
import { silentLogger } from '../observability/logger';
import { startApiServer } from '../server';
import { makeTempDir, TEST_TOKEN } from '../testing/test-host';
import { followChatSse, gate, ScriptedProvider } from './testing';

const dataDir = makeTempDir();
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The session's messages as a new host on the same folder reads them (role, text, status). */
async function storedAfterRestart(sessionId: string): Promise<string[][]> {
  const reopened = hostOn(new ScriptedProvider([]));
  try {
    const detail = await reopened.dispatch('chat:session', { id: sessionId });
    return (detail as { ok: true; value: { messages: ChatMessage[] } }).value.messages.map((m) => [m.role, m.content, m.status]);
  } finally {
    await reopened.stop();
  }
}

const hostOn = (provider: ScriptedProvider) =>
  createHost({ mode: 'electron', version: '0.0.0-test', env: { TITM_DATA_DIR: dataDir, NODE_ENV: 'test' }, logSink: () => {}, chat: { provider, functions: [] } });

describe('quitting while the coach answers over IPC', () => {
  it('stops the answer and stores its partial text before the database closes', async () => {
    const held = gate();
    const tokenArrived = gate();
    const host = hostOn(new ScriptedProvider([{ token: 'Before quit ' }, { wait: held.promise }, { token: 'never' }]));
    host.start();
    // What registerIpcStreams does for a window's chat:send.
    const stream = host.streamRegistry.open('window-1-stream');
    let sessionId = '';
    const answering = host
      .streams('chat:send', { message: 'quit now' }, {
        transport: 'ipc',
        signal: stream.signal,
        emit: (event: ChatStreamEvent) => {
          if (event.type === 'stream_start') sessionId = event.sessionId;
          if (event.type === 'token') tokenArrived.open();
        },
      })
      .finally(() => stream.close());
    await tokenArrived.promise;
    await host.stop();
    expect(await answering).toMatchObject({ ok: false, error: { code: 'aborted' } });
    held.open();

    expect(await storedAfterRestart(sessionId)).toEqual([
      ['user', 'quit now', 'complete'],
      ['assistant', 'Before quit ', 'stopped'],
    ]);
  });

  it('over HTTP too: the local API closing cuts the answer, and the host stores it before closing the database', async () => {
    const held = gate();
    const host = hostOn(new ScriptedProvider([{ token: 'Cut ' }, { wait: held.promise }, { token: 'never' }]));
    host.start();
    const server = await startApiServer({
      host: '127.0.0.1',
      port: 0,
      token: TEST_TOKEN,
      dispatch: host.dispatch,
      streams: host.streams,
      events: host.events,
      health: host.health,
      logger: silentLogger,
      rateLimit: { perSecond: 100, burst: 100 },
      shutdownGraceMs: 20,
    });
    const res = await fetch(`${server.url}/api/chat/message`, {
      method: 'POST',
      body: JSON.stringify({ message: 'shutting down' }),
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json', accept: 'text/event-stream' },
    });
    const { reading, firstToken } = followChatSse(res.body!);
    const sessionId = await firstToken;
    // The shutdown order of web mode and the desktop app: the local API, then the host.
    await server.close();
    await host.stop();
    held.open();
    await reading;
    expect(await storedAfterRestart(sessionId)).toEqual([
      ['user', 'shutting down', 'complete'],
      ['assistant', 'Cut ', 'stopped'],
    ]);
  });
});
