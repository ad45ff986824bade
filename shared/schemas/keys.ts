import { z } from 'zod';

/**
 * The external services' credentials the user may enter in the Profile tab. Each name is also the
 * environment variable (and config.json key) used when nothing is saved: a saved key wins.
 */
export const KEY_NAMES = ['OPENAI_API_KEY', 'MASSIVE_API_KEY', 'SUPABASE_URL', 'SUPABASE_ANON_KEY', 'SENTRY_DSN'] as const;
export type KeyName = (typeof KEY_NAMES)[number];
export const KeyNameSchema = z.enum(KEY_NAMES, { error: `Key name must be one of ${KEY_NAMES.join(', ')}` });

/** Where the effective value of a key comes from. */
export const KeySourceSchema = z.enum(['saved', 'environment', 'none']);
export type KeySource = z.infer<typeof KeySourceSchema>;

// Messages never quote the value: issues go to logs and back to the renderer.
const NO_WHITESPACE = /^\S+$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Non-empty, no whitespace (a pasted line break is the usual mistake), at most `max` characters. */
function token(label: string, max: number) {
  return z
    .string()
    .min(1, { error: `${label} cannot be empty`, abort: true })
    .max(max, `${label} is too long (at most ${max} characters)`)
    .regex(NO_WHITESPACE, { error: `${label} cannot contain spaces or line breaks`, abort: true });
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Supabase project URL: https, or http for a server on this machine (a local Supabase, tests). */
const SupabaseUrlSchema = token('Supabase URL', 2048).refine((value) => {
  const url = parseUrl(value);
  if (!url || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}, 'Supabase URL must be an https:// address (http:// only for 127.0.0.1 or localhost)');

/** Sentry DSN: `https://<public key>@<host>/<project id>` (http allowed for self-hosted Sentry). */
const SentryDsnSchema = token('Sentry DSN', 2048).refine((value) => {
  const url = parseUrl(value);
  return (
    !!url &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    /^[A-Za-z0-9]+$/.test(url.username) &&
    /\/\d+$/.test(url.pathname)
  );
}, 'Sentry DSN must look like https://<public key>@<host>/<project id>');

/** The format each key must have, checked before anything is stored. */
export const keyValueSchemas = {
  OPENAI_API_KEY: token('OpenAI API key', 512),
  MASSIVE_API_KEY: token('Massive API key', 256),
  SUPABASE_URL: SupabaseUrlSchema,
  SUPABASE_ANON_KEY: token('Supabase anon key', 4096),
  SENTRY_DSN: SentryDsnSchema,
} as const satisfies Record<KeyName, z.ZodType<string>>;

/** What people call each key in the UI. */
export const KEY_LABELS: Record<KeyName, string> = {
  OPENAI_API_KEY: 'OpenAI API key',
  MASSIVE_API_KEY: 'Massive API key',
  SUPABASE_URL: 'Supabase URL',
  SUPABASE_ANON_KEY: 'Supabase anon key',
  SENTRY_DSN: 'Sentry DSN',
};

type KeyEntryOf<K extends KeyName> = { name: K; value: string };
type KeyEntrySchema = z.ZodObject<{ name: z.ZodLiteral<KeyName>; value: z.ZodType<string> }>;
const keyEntrySchemas = KEY_NAMES.map((name): KeyEntrySchema => z.object({ name: z.literal(name), value: keyValueSchemas[name] }).strict());

/** `{name, value}` with the value's format chosen by the name (issues point at `value`). */
export const KeySetInputSchema = z.discriminatedUnion('name', keyEntrySchemas as [KeyEntrySchema, ...KeyEntrySchema[]], {
  error: `Key name must be one of ${KEY_NAMES.join(', ')}`,
}) as unknown as z.ZodType<{ [K in KeyName]: KeyEntryOf<K> }[KeyName]>;

/** A key as the renderer may see it: never the value, at most its last four characters. */
export const KeyStatusSchema = z.object({
  name: KeyNameSchema,
  source: KeySourceSchema,
  /** The last four characters of a value of at least 12 characters; absent otherwise. */
  last4: z.string().length(4).optional(),
  /** When the saved value was stored (saved keys only). */
  updatedAt: z.iso.datetime().optional(),
  /** Why a saved value cannot be used (e.g. it cannot be decrypted on this machine). */
  problem: z.string().optional(),
});
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

/** How saved keys are protected: the OS keychain (Electron safeStorage) or a file only the user can read. */
export const KeyStorageSchema = z.enum(['encrypted', 'owner-only-file']);
export type KeyStorage = z.infer<typeof KeyStorageSchema>;

export const KeyListSchema = z.object({ storage: KeyStorageSchema, keys: z.array(KeyStatusSchema) });
export type KeyList = z.infer<typeof KeyListSchema>;

/** Keys shorter than this show no characters at all once saved. */
export const MIN_LENGTH_FOR_HINT = 12;

/** The masked form of a value: its last four characters when it is long enough to spare them. */
export function lastFour(value: string): string | undefined {
  return value.length >= MIN_LENGTH_FOR_HINT ? value.slice(-4) : undefined;
}
