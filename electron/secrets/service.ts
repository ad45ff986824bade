import { KEY_NAMES, lastFour, type KeyList, type KeyName, type KeyStatus, type KeyStorage } from '../../shared/schemas/keys';
import type { EventBus } from '../contract/event-bus';
import type { HandlerMap } from '../contract/dispatcher';
import type { Logger } from '../observability/logger';
import type { Encryptor } from './encryptor';
import { SecretFile, type StoredKey, type StoredKeys } from './secret-file';

/** A saved key once read: its value, or why it cannot be used. */
type Loaded = { value: string; updatedAt: string } | { problem: string; updatedAt: string };

export interface SecretsServiceOptions {
  /** `<dataDir>/secrets.json`. */
  file: string;
  /** OS encryption (desktop); absent in web mode, where the owner-only file is the protection. */
  encryptor?: Encryptor;
  /** Values from the environment or config.json, used for keys with nothing saved. */
  fallback: Partial<Record<KeyName, string | undefined>>;
  logger: Logger;
  events: EventBus;
  clock?: () => Date;
}

export type KeyChangeListener = (name: KeyName) => void;

/**
 * The credentials of the external services (OpenAI, Massive, Supabase, Sentry).
 *
 * Precedence: a key saved in the Profile tab wins; otherwise the environment variable of the same
 * name; otherwise the key in config.json; otherwise none. Values never leave the main process:
 * the contract outputs, events and log lines carry the name, the source and at most the last four
 * characters. Consumers read through `get`/`getter` at the moment they need a key and re-read
 * when `onChange` fires, so a new key applies without a restart.
 */
export class SecretsService {
  private readonly file: SecretFile;
  private readonly encryptor: Encryptor | undefined;
  private readonly fallback: SecretsServiceOptions['fallback'];
  private readonly logger: Logger;
  private readonly events: EventBus;
  private readonly clock: () => Date;
  private readonly listeners = new Set<KeyChangeListener>();
  private stored: StoredKeys;
  private readonly loaded = new Map<KeyName, Loaded>();

  constructor(options: SecretsServiceOptions) {
    this.file = new SecretFile(options.file, options.logger);
    this.encryptor = options.encryptor;
    this.fallback = options.fallback;
    this.logger = options.logger;
    this.events = options.events;
    this.clock = options.clock ?? (() => new Date());
    this.stored = this.file.read();
    for (const name of KEY_NAMES) {
      const entry = this.stored[name];
      if (entry) this.loaded.set(name, this.open(name, entry));
    }
  }

  /** The effective value of a key (saved, else environment / config.json), or undefined. */
  get(name: KeyName): string | undefined {
    const saved = this.loaded.get(name);
    if (saved && 'value' in saved) return saved.value;
    return this.fallback[name] || undefined;
  }

  /** `() => string | undefined` for one key, e.g. the Massive client's `apiKey` option. */
  getter(name: KeyName): () => string | undefined {
    return () => this.get(name);
  }

  /** Calls `listener(name)` after a key is saved or cleared; returns the unsubscribe function. */
  onChange(listener: KeyChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How saved keys are protected right now. */
  get storage(): KeyStorage {
    return this.encryptor?.isAvailable() ? 'encrypted' : 'owner-only-file';
  }

  /** Saves a value the contract has already validated against the key's format. */
  set(name: KeyName, value: string): KeyStatus {
    const updatedAt = this.clock().toISOString();
    const encrypted = this.storage === 'encrypted';
    const data = encrypted ? this.encryptor!.encrypt(value).toString('base64') : value;
    this.persist({ ...this.stored, [name]: { encrypted, data, updatedAt } });
    this.loaded.set(name, { value, updatedAt });
    this.logger.info('key saved', { key: name, storage: this.storage });
    return this.changed(name);
  }

  /** Forgets the saved value; the environment / config.json value (if any) applies again. */
  clear(name: KeyName): KeyStatus {
    if (this.stored[name]) {
      const { [name]: _removed, ...rest } = this.stored;
      this.persist(rest);
      this.loaded.delete(name);
      this.logger.info('key cleared', { key: name });
    }
    return this.changed(name);
  }

  status(name: KeyName): KeyStatus {
    const saved = this.loaded.get(name);
    if (saved && 'value' in saved) return { name, source: 'saved', last4: lastFour(saved.value), updatedAt: saved.updatedAt };
    const fallback = this.fallback[name];
    const base: KeyStatus = fallback ? { name, source: 'environment', last4: lastFour(fallback) } : { name, source: 'none' };
    return saved ? { ...base, updatedAt: saved.updatedAt, problem: saved.problem } : base;
  }

  list(): KeyList {
    return { storage: this.storage, keys: KEY_NAMES.map((name) => this.status(name)) };
  }

  handlers(): HandlerMap {
    return {
      'keys:list': () => this.list(),
      'keys:set': ({ name, value }) => this.set(name, value),
      'keys:clear': ({ name }) => this.clear(name),
    };
  }

  private persist(next: StoredKeys): void {
    this.file.write(next);
    this.stored = next;
  }

  private open(name: KeyName, entry: StoredKey): Loaded {
    if (!entry.encrypted) return { value: entry.data, updatedAt: entry.updatedAt };
    const problem = 'The saved value cannot be decrypted on this machine (OS keychain unavailable or changed); save it again.';
    if (!this.encryptor?.isAvailable()) {
      this.logger.warn('saved key cannot be decrypted: no OS encryption available', { key: name });
      return { problem, updatedAt: entry.updatedAt };
    }
    try {
      return { value: this.encryptor.decrypt(Buffer.from(entry.data, 'base64')), updatedAt: entry.updatedAt };
    } catch (error) {
      // The error of safeStorage says nothing about the value; its message is safe to log.
      this.logger.warn('saved key cannot be decrypted', { key: name, error: (error as Error).message });
      return { problem, updatedAt: entry.updatedAt };
    }
  }

  private redact(error: unknown): { name: string; message: string } {
    const secrets = KEY_NAMES.map((name) => this.get(name)).filter((value): value is string => !!value);
    let message = error instanceof Error ? error.message : String(error);
    for (const secret of secrets) message = message.split(secret).join('[redacted]');
    return { name: error instanceof Error ? error.name : 'Error', message };
  }

  private changed(name: KeyName): KeyStatus {
    const status = this.status(name);
    this.events.emit('keys:changed', status);
    for (const listener of this.listeners) {
      try {
        listener(name);
      } catch (error) {
        // A consumer's error may quote the value it was given (an SDK refusing a DSN, say).
        this.logger.error('key change listener failed', { key: name, error: this.redact(error) });
      }
    }
    return status;
  }
}
