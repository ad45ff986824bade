import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, UPLOAD_CHUNK_CHARS } from '../../../shared/schemas/journal';
import { startTestHost, type TestHost } from '../../testing/test-host';
import { makeJournal, options, upload } from '../testing';

const HEADER = 'Time,Symbol,Side,Quantity,Price';
const count = (journal: ReturnType<typeof makeJournal>['journal']) => journal.repo.list({ status: 'all', sort: 'entryTime', order: 'asc', limit: 1, offset: 0 }).total;

/** Previews a bad file, checks the report, and checks that committing it writes nothing. */
async function expectRefused(text: string, check: (preview: Awaited<ReturnType<ReturnType<typeof makeJournal>['journal']['importer']['preview']>>) => void) {
  const { journal } = makeJournal();
  const id = upload(journal, text);
  check(await journal.importer.preview(options(id)));
  await expect(journal.importer.commit(options(id))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^Nothing imported/) });
  expect(count(journal)).toBe(0);
}

describe('bad files are reported and write nothing', () => {
  it('an empty file', async () => {
    await expectRefused('  \n\n', (p) => expect(p.fileErrors).toEqual(['The file is empty.']));
  });

  it('a file separated by semicolons', async () => {
    await expectRefused('Time;Symbol;Side;Quantity;Price\n2024-01-08 09:35:00;SPY;Buy;1;470\n', (p) =>
      expect(p.fileErrors).toEqual(['The columns are separated by ";", not commas: export the file as comma-separated CSV.']),
    );
  });

  it('a missing required column', async () => {
    const text = 'Time,Symbol,Side,Quantity\n2024-01-08 09:35:00,SPY,Buy,1\n';
    // Detection finds no format without a price column…
    await expectRefused(text, (p) => expect(p.fileErrors).toEqual(['No header row of a known format was found: choose a preset and map the columns (time, symbol, side, quantity, price).']));
    // …and with the generic preset chosen, the missing column is named.
    const { journal } = makeJournal();
    const id = upload(journal, text);
    expect((await journal.importer.preview(options(id, { preset: 'generic' }))).fileErrors).toEqual(['Missing required column: price (Price).']);
    await expect(journal.importer.commit(options(id, { preset: 'generic' }))).rejects.toMatchObject({ code: 'invalid_input' });
    expect(count(journal)).toBe(0);
  });

  it('a price that is not a number, with the row and column named', async () => {
    const text = `${HEADER}\n2024-01-08 09:35:00,SPY,Buy,100,470\n2024-01-08 09:40:00,SPY,Sell,100,abc\n`;
    await expectRefused(text, (p) => {
      expect(p.rowErrors).toEqual([{ row: 3, column: 'Price', message: 'Price is not a number: "abc"' }]);
      expect(p.counts).toMatchObject({ rows: 2, executions: 1, errors: 1 });
    });
  });

  it('a row of 10 000 characters', async () => {
    // 19 + 3 + 4 + 3 + 3 + 10 000 characters of cells and 5 commas = 10 037
    const text = `${HEADER}\n2024-01-08 09:35:00,SPY,Buy,100,470\n2024-01-08 09:40:00,SPY,Sell,100,471,${'x'.repeat(10_000)}\n`;
    await expectRefused(text, (p) => expect(p.rowErrors).toEqual([{ row: 3, message: 'Row is 10,037 characters long (at most 4,096).' }]));
  });

  it('a file over 50 MB is refused while it uploads, and nothing is kept of it', async () => {
    const { journal } = makeJournal();
    const uploadId = randomUUID();
    const piece = `${HEADER}\n`.padEnd(UPLOAD_CHUNK_CHARS, '0');
    const pieces = Math.ceil(MAX_IMPORT_BYTES / UPLOAD_CHUNK_CHARS);
    for (let i = 0; i < pieces; i++) journal.importer.upload({ uploadId, chunkIndex: i, text: piece }); // exactly 50 MB: accepted
    expect(() => journal.importer.upload({ uploadId, chunkIndex: pieces, text: 'x' })).toThrow(
      expect.objectContaining({ code: 'payload_too_large', message: 'The file is larger than 50 MB; split it by date range and import the parts.' }),
    );
    await expect(journal.importer.preview(options(uploadId))).rejects.toMatchObject({ code: 'not_found' });
    expect(count(journal)).toBe(0);
  });

  it('pieces out of order and unknown time zones', async () => {
    const { journal } = makeJournal();
    const uploadId = randomUUID();
    journal.importer.upload({ uploadId, chunkIndex: 0, text: HEADER });
    expect(() => journal.importer.upload({ uploadId, chunkIndex: 2, text: '' })).toThrow(/arrived out of order: piece 1 was expected/);
    await expect(journal.importer.preview(options(uploadId, { timezone: 'Mars/Olympus' }))).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('writes all trades or none: one bad row in the batch rolls the whole insert back', () => {
    const { journal } = makeJournal();
    const good = { groupId: 'g', symbol: 'SPY', underlying: 'SPY', assetType: 'stock', optionType: null, strike: null, expiry: null, multiplier: 1, side: 'long', quantity: 1, entryPrice: 1, exitPrice: 2, entryTime: '2024-01-08T15:00:00Z', exitTime: '2024-01-08T16:00:00Z', fees: 0, strategy: null, tags: [] as string[], notes: null, plannedStop: null, plannedTarget: null, broker: 'generic', fingerprint: 'a' } as const;
    expect(() => journal.repo.insertMany([good, { ...good, fingerprint: 'b', quantity: 0 }])).toThrow(/CHECK constraint/);
    expect(count(journal)).toBe(0);
  });
});

describe('a large import over the local API', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  it('reports progress and leaves the API answering other calls while it parses', async () => {
    // 150 000 fills (75 000 round trips), about 7 MB, uploaded in pieces under the 1 MiB body limit.
    const lines = [HEADER];
    for (let i = 0; i < 75_000; i++) {
      const minute = String(i % 60).padStart(2, '0');
      const day = String(1 + (Math.floor(i / 3000) % 28)).padStart(2, '0');
      lines.push(`2024-02-${day} 10:${minute}:00,SYM${i % 50},Buy,10,${100 + (i % 7)}`, `2024-02-${day} 11:${minute}:00,SYM${i % 50},Sell,10,${101 + (i % 5)}`);
    }
    const text = lines.join('\n');
    const uploadId = randomUUID();
    for (let i = 0, at = 0; at < text.length; i++, at += UPLOAD_CHUNK_CHARS) {
      const res = await t.rpc('journal:importUpload', { uploadId, chunkIndex: i, text: text.slice(at, at + UPLOAD_CHUNK_CHARS) });
      expect(res.status).toBe(200);
    }
    const progress: unknown[] = [];
    const unsubscribe = t.host.events.subscribe((name, payload) => name === 'journal:importProgress' && progress.push(payload));

    const order: string[] = [];
    const preview = t.rpc('journal:importPreview', { uploadId }).then(async (res) => {
      order.push('preview');
      return (await res.json()) as { counts: { trades: number; errors: number } };
    });
    await new Promise((resolve) => setImmediate(resolve));
    const info = await t.rpc('app:info', {});
    order.push('app:info');
    expect(info.status).toBe(200);
    const result = await preview;
    unsubscribe();

    expect(order).toEqual(['app:info', 'preview']); // the small call was not queued behind the parse
    expect(result.counts).toMatchObject({ trades: 75_000, errors: 0 });
    const parsing = progress.filter((p) => (p as { phase: string }).phase === 'parsing');
    expect(parsing.length).toBeGreaterThan(5);
    expect(parsing.at(-1)).toMatchObject({ uploadId, processedBytes: text.length, totalBytes: text.length, rows: 150_000 });
  });
});
