import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatStreamEvent } from '../../shared/schemas/chat';
import { createHost } from '../host';
import { makeTempDir } from '../testing/test-host';
import { gate, ScriptedProvider } from './testing';

const dataDir = makeTempDir();
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

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

    const reopened = hostOn(new ScriptedProvider([]));
    try {
      const detail = await reopened.dispatch('chat:session', { id: sessionId });
      const messages = (detail as { ok: true; value: { messages: ChatMessage[] } }).value.messages;
      expect(messages.map((m) => [m.role, m.content, m.status])).toEqual([
        ['user', 'quit now', 'complete'],
        ['assistant', 'Before quit ', 'stopped'],
      ]);
    } finally {
      await reopened.stop();
    }
  });
});
