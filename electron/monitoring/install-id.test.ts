import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/test-host';
import { readInstallId } from './install-id';

describe('readInstallId', () => {
  it('makes a random id once and keeps it in the data folder', () => {
    const dir = path.join(makeTempDir(), 'nested');
    const first = readInstallId(dir);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(readInstallId(dir)).toBe(first);
    expect(readInstallId(makeTempDir())).not.toBe(first);
  });

  it('replaces a damaged file', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'install-id'), 'jane@example.com');
    expect(readInstallId(dir)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
