import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/test-host';
import { createLogger, formatLogLine } from './logger';

describe('logger', () => {
  it('writes one JSON line per entry with time, level, msg, bound fields and errors', () => {
    const line = formatLogLine('error', 'call crashed', { requestId: 'r-1', error: new Error('boom') }, new Date('2026-11-25T14:30:00Z'));
    expect(JSON.parse(line)).toEqual({
      time: '2026-11-25T14:30:00.000Z',
      level: 'error',
      msg: 'call crashed',
      requestId: 'r-1',
      error: { name: 'Error', message: 'boom', stack: expect.stringContaining('Error: boom') },
    });
  });

  it('binds fields in children and filters by level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', console: false, sink: (l) => lines.push(l) });
    const child = log.child({ requestId: 'abc' }).child({ call: 'app:info' });
    child.debug('hidden');
    child.info('shown', { ms: 3 });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([expect.objectContaining({ msg: 'shown', requestId: 'abc', call: 'app:info', ms: 3 })]);
  });

  it('appends to main.log in the log folder through electron-log', () => {
    const dir = makeTempDir();
    const log = createLogger({ level: 'debug', console: false, logDir: dir });
    log.child({ requestId: 'file-1' }).warn('to the file');
    const text = fs.readFileSync(path.join(dir, 'main.log'), 'utf8').trim();
    expect(JSON.parse(text.split('\n').pop()!)).toMatchObject({ level: 'warn', msg: 'to the file', requestId: 'file-1' });
  });
});
