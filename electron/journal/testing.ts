import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UPLOAD_CHUNK_CHARS, type ImportOptions } from '../../shared/schemas/journal';
import { EventBus } from '../contract/event-bus';
import { Database } from '../db/database';
import { silentLogger } from '../observability/logger';
import { JournalService } from './service';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
export const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** A journal on an in-memory database, with every event it emitted. */
export function makeJournal(): { journal: JournalService; db: Database; events: { name: string; payload: unknown }[] } {
  const db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  const bus = new EventBus(true);
  const events: { name: string; payload: unknown }[] = [];
  bus.subscribe((name, payload) => events.push({ name, payload }));
  return { journal: new JournalService(db, bus), db, events };
}

/** Uploads `text` in pieces the way the renderer does; returns the upload id. */
export function upload(journal: JournalService, text: string): string {
  const uploadId = randomUUID();
  let chunkIndex = 0;
  for (let at = 0; at === 0 || at < text.length; at += UPLOAD_CHUNK_CHARS) {
    journal.importer.upload({ uploadId, chunkIndex: chunkIndex++, text: text.slice(at, at + UPLOAD_CHUNK_CHARS) });
  }
  return uploadId;
}

export function options(uploadId: string, extra: Partial<ImportOptions> = {}) {
  return { uploadId, timezone: 'America/New_York', ...extra } as const;
}
