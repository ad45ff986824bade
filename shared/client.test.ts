import { describe, expect, it } from 'vitest';
import { readSse } from './client';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('readSse', () => {
  it('parses events split across chunks, skips comments, joins multi-line data', async () => {
    const events: [string, string][] = [];
    await readSse(
      streamOf([': connected\n\nevent: settings:chan', 'ged\ndata: {"key":"ui.activeTab",', '"value":"x"}\n\n', 'data: line1\ndata: line2\n\n', ': heartbeat\n\n']),
      (name, data) => events.push([name, data]),
    );
    expect(events).toEqual([
      ['settings:changed', '{"key":"ui.activeTab","value":"x"}'],
      ['message', 'line1\nline2'],
    ]);
  });
});
