import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, UPLOAD_CHUNK_CHARS, type ImportProgress } from '../../../shared/schemas/journal';
import { startTestHost, type TestHost } from '../../testing/test-host';
import { makeJournal, options, upload } from '../testing';
import type { NewTrade } from '../repository';
import { firstByEntry } from './importer';

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

  it('a missing required column, named in the report', async () => {
    const text = 'Time,Symbol,Side,Quantity\n2024-01-08 09:35:00,SPY,Buy,1\n';
    // No format matches without a price column: the file is read as generic and the column named…
    await expectRefused(text, (p) => {
      expect(p.detectedPreset).toBeNull();
      expect(p.fileErrors).toEqual(["Missing required column: price (Price). The format was not recognised: choose your broker's format, or map the columns."]);
      expect(p.headers).toEqual(['Time', 'Symbol', 'Side', 'Quantity']); // offered for mapping in the wizard
    });
    // …and with the generic preset chosen, the same column.
    const { journal } = makeJournal();
    const id = upload(journal, text);
    expect((await journal.importer.preview(options(id, { preset: 'generic' }))).fileErrors).toEqual(['Missing required column: price (Price).']);
    await expect(journal.importer.commit(options(id, { preset: 'generic' }))).rejects.toMatchObject({ code: 'invalid_input', message: 'Nothing imported: Missing required column: price (Price).' });
    expect(count(journal)).toBe(0);
  });

  it("a broker's file without one of its columns", async () => {
    // Webull's Orders Records without the Status column: still recognised, the column is named.
    const text = 'Name,Symbol,Side,Filled,Total Qty,Price,Avg Price,Time-in-Force,Placed Time,Filled Time\nTSLA,TSLA,Buy,20,20,@238.00,237.90,DAY,01/10/2024 09:35:10 EST,01/10/2024 09:35:12 EST\n';
    await expectRefused(text, (p) => {
      expect(p.detectedPreset).toBe('webull');
      expect(p.fileErrors).toEqual(['Missing required column: status (Status).']);
    });
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

  it('writes all trades or none: one bad row in a later batch rolls the whole insert back', async () => {
    const { journal } = makeJournal();
    const good = { groupId: 'g', symbol: 'SPY', underlying: 'SPY', assetType: 'stock', optionType: null, strike: null, expiry: null, multiplier: 1, side: 'long', quantity: 1, entryPrice: 1, exitPrice: 2, entryTime: '2024-01-08T15:00:00Z', exitTime: '2024-01-08T16:00:00Z', fees: 0, strategy: null, tags: [] as string[], notes: null, plannedStop: null, plannedTarget: null, broker: 'generic', fingerprint: 'a' } as const;
    // Batches of one: the first is written before the second fails.
    await expect(journal.repo.insertMany([good, { ...good, fingerprint: 'b', quantity: 0 }], { batch: 1 })).rejects.toThrow(/CHECK constraint/);
    expect(count(journal)).toBe(0);
    expect(await journal.repo.insertMany([good, { ...good, fingerprint: 'b' }], { batch: 1 })).toBe(2); // the connection is usable again
  });
});

describe('the preview', () => {
  it('shows the first trades by entry time, a spread\'s legs side by side', () => {
    const t = (entryTime: string, groupId: string) => ({ entryTime, groupId }) as NewTrade;
    const trades = [t('2024-01-03T15:00:00.000Z', 'c'), t('2024-01-01T15:00:00.000Z', 'b'), t('2024-01-04T15:00:00.000Z', 'd'), t('2024-01-01T15:00:00.000Z', 'a'), t('2024-01-02T15:00:00.000Z', 'e')];
    expect(firstByEntry(trades, 3).map((x) => x.groupId)).toEqual(['a', 'b', 'e']);
    expect(firstByEntry(trades, 10).map((x) => x.groupId)).toEqual(['a', 'b', 'e', 'c', 'd']);
  });
});

describe('a large import over the local API', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  /** Resolves with the first progress event of `phase`; keeps every event in `seen`. */
  function watchProgress(uploadId: string, seen: ImportProgress[]) {
    const waiting = new Map<string, () => void>();
    const unsubscribe = t.host.events.subscribe((name, payload) => {
      if (name !== 'journal:importProgress' || (payload as ImportProgress).uploadId !== uploadId) return;
      seen.push(payload as ImportProgress);
      waiting.get((payload as ImportProgress).phase)?.();
    });
    const first = (phase: ImportProgress['phase']) => new Promise<void>((resolve) => waiting.set(phase, resolve));
    return { first, unsubscribe };
  }

  /** While `job` is in `phase`, another call is made: it must answer before the job ends. */
  async function answersDuring(job: () => Promise<Response>, started: Promise<void>): Promise<{ order: string[]; body: unknown }> {
    const order: string[] = [];
    const running = job().then(async (res) => {
      order.push('import');
      expect(res.status).toBe(200);
      return res.json();
    });
    await started; // the import is under way…
    const info = await t.rpc('app:info', {}); // …and a small call is answered
    expect(info.status).toBe(200);
    order.push('app:info');
    return { order, body: await running };
  }

  it('reports progress and leaves the API answering other calls while it parses, matches and writes', async () => {
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

    const seen: ImportProgress[] = [];
    const preview = watchProgress(uploadId, seen);
    const previewed = await answersDuring(() => t.rpc('journal:importPreview', { uploadId }), preview.first('parsing'));
    preview.unsubscribe();
    expect(previewed.order).toEqual(['app:info', 'import']); // the small call was not queued behind the parse
    expect(previewed.body).toMatchObject({ counts: { trades: 75_000, errors: 0 } });
    const parsing = seen.filter((p) => p.phase === 'parsing');
    expect(parsing.length).toBeGreaterThan(5);
    expect(parsing.at(-1)).toMatchObject({ processedBytes: text.length, totalBytes: text.length, rows: 150_000 });
    expect(seen.filter((p) => p.phase === 'matching').length).toBeGreaterThan(5); // 150 000 fills in slices

    seen.length = 0;
    const commit = watchProgress(uploadId, seen);
    const written = (async () => {
      await commit.first('writing');
      // Wait for a batch to be written: the transaction is open and the write half done.
      await new Promise<void>((resolve) => {
        const check = () => (seen.filter((p) => p.phase === 'writing').length >= 2 ? resolve() : setImmediate(check));
        check();
      });
    })();
    const committed = await answersDuring(() => t.rpc('journal:importCommit', { uploadId }), written);
    commit.unsubscribe();
    expect(committed.order).toEqual(['app:info', 'import']); // answered between two batches of the write
    expect(committed.body).toEqual({ inserted: 75_000, duplicates: 0, groups: 75_000 });
    const writing = seen.filter((p) => p.phase === 'writing');
    expect(writing.length).toBe(1 + 75_000 / 1000); // before the first batch, then after each of the 75
    expect(writing.at(-1)).toMatchObject({ processedBytes: text.length, totalBytes: text.length });
    expect(seen.at(-1)).toMatchObject({ phase: 'done' });
  });
});
