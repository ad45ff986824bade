import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KEY_NAMES, type KeyName } from '../../shared/schemas/keys';
import type { Logger } from '../observability/logger';

/** Owner read/write only: the file holds credentials, in clear text when no Encryptor is available. */
export const OWNER_ONLY = 0o600;

const StoredKeySchema = z.object({
  /** Whether `data` is base64 of the Encryptor's output (otherwise the value itself). */
  encrypted: z.boolean(),
  data: z.string(),
  updatedAt: z.iso.datetime(),
});
export type StoredKey = z.infer<typeof StoredKeySchema>;

const SecretFileSchema = z.object({
  version: z.literal(1),
  keys: z.partialRecord(z.enum(KEY_NAMES), StoredKeySchema),
});
export type StoredKeys = Partial<Record<KeyName, StoredKey>>;

/** The saved keys on disk: `<dataDir>/secrets.json`, mode 0600, replaced atomically on each write. */
export class SecretFile {
  constructor(
    readonly file: string,
    private readonly logger: Logger,
  ) {}

  /** The stored entries; a missing file is empty, an unreadable one is set aside (never logged). */
  read(): StoredKeys {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    this.restrictMode();
    let parsed: z.ZodSafeParseResult<z.infer<typeof SecretFileSchema>> | undefined;
    try {
      parsed = SecretFileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) return parsed.data.keys;
    const aside = `${this.file}.unreadable-${Date.now()}`;
    fs.renameSync(this.file, aside);
    this.logger.warn('saved keys file is not valid; set aside, keys must be entered again', { file: aside });
    return {};
  }

  write(keys: StoredKeys): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify({ version: 1, keys }, null, 2)}\n`, { mode: OWNER_ONLY });
    fs.chmodSync(temp, OWNER_ONLY); // the mode of writeFileSync only applies when it creates the file
    fs.renameSync(temp, this.file);
  }

  /** A file made by hand or copied in with wider permissions is narrowed to the owner. */
  private restrictMode(): void {
    if (process.platform === 'win32') return; // NTFS ACLs of the user profile folder apply instead
    const mode = fs.statSync(this.file).mode & 0o777;
    if (mode !== OWNER_ONLY) {
      fs.chmodSync(this.file, OWNER_ONLY);
      this.logger.warn('saved keys file was readable by others; narrowed to the owner', { file: this.file, mode: mode.toString(8) });
    }
  }
}
