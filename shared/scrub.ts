/**
 * What error reports must never carry off the machine: API keys, tokens, authorization headers,
 * e-mail addresses. Pure (no Node, no SDK), so the main process, the local API's tunnel and the
 * renderer all scrub with the same rules before anything is sent.
 */

export const REDACTED = '[redacted]';
export const REDACTED_EMAIL = '[email]';
export const REDACTED_USER = '[user]';

/** Known secrets shorter than this are not searched for: they would match ordinary text. */
const MIN_SECRET_LENGTH = 8;

/** Object keys whose whole value is secret, whatever it looks like (headers, config, query params). */
const SECRET_KEY =
  /^(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-sentry-auth|api[-_]?key|apikey|access[-_]?token|refresh[-_]?token|id[-_]?token|token|password|passwd|secret|client[-_]?secret|private[-_]?key|dsn|sentry[-_]?key)$|[-_](?:api[-_]?key|token|secret|password|dsn)$/i;

/** Text patterns of secrets we cannot know in advance; `$1` keeps the harmless prefix. */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  // Authorization header values, wherever they were copied to (a log line, an error message).
  [/\b(Bearer|Basic|Token)\s+[\w.~+/=-]{6,}/gi, `$1 ${REDACTED}`],
  // OpenAI-style and Stripe-style secret keys: sk-…, sk-proj-…, sk_live_…
  [/\bsk[-_][\w-]{10,}/g, REDACTED],
  // JSON Web Tokens (Supabase anon/service keys and sessions are JWTs).
  [/\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g, REDACTED],
  // Credentials in a URL's query or fragment: #token=…, ?apiKey=…, &sentry_key=…
  [/([?&#;](?:token|access_token|refresh_token|id_token|api[-_]?key|apikey|key|sentry_key|auth|password|secret|signature|sig)=)[^&#\s"'<>]+/gi, `$1${REDACTED}`],
  // user:password@ in a URL.
  [/(\/\/)[^/\s:@"']+:[^/\s@"']+@/g, `$1${REDACTED}@`],
  // The account name in home-folder paths (stack frames, the data folder) identifies the user.
  [/((?:^|[\s"'(=:])(?:file:\/\/)?(?:\/home\/|\/Users\/|[A-Za-z]:\\Users\\|[A-Za-z]:\/Users\/))[^/\\\s"')]+/g, `$1${REDACTED_USER}`],
];

const EMAIL = /[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Scrubber {
  /** A string with every known secret, secret pattern and e-mail address replaced. */
  text(value: string): string;
  /** A deep copy of `value` (events, breadcrumbs, transactions, envelopes' items) with secrets replaced. */
  value<T>(value: T): T;
}

/**
 * A scrubber that also removes `secrets`, the exact values the app knows are secret (its API token,
 * configured API keys, the DSN's key), including their URL-encoded form.
 */
export function createScrubber(secrets: Iterable<string> = []): Scrubber {
  const known = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    known.add(secret);
    known.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret containing another is replaced whole.
  const knownPattern = known.size
    ? new RegExp([...known].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g')
    : undefined;

  const text = (input: string): string => {
    let out = knownPattern ? input.replace(knownPattern, REDACTED) : input;
    for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
    return out.replace(EMAIL, REDACTED_EMAIL);
  };

  const walk = (input: unknown, seen: WeakSet<object>): unknown => {
    if (typeof input === 'string') return text(input);
    if (input === null || typeof input !== 'object') return input;
    if (input instanceof Date) return input.toISOString();
    if (seen.has(input)) return '[circular]';
    seen.add(input);
    if (Array.isArray(input)) return input.map((item) => walk(item, seen));
    // Typed arrays and other exotic objects (attachments) cannot be scrubbed: they are dropped.
    const proto = Object.getPrototypeOf(input) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      return input instanceof Error ? { name: input.name, message: text(input.message), stack: input.stack && text(input.stack) } : REDACTED;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) {
      out[text(key)] = SECRET_KEY.test(key) && item !== null && item !== undefined && item !== '' ? REDACTED : walk(item, seen);
    }
    return out;
  };

  return { text, value: <T>(input: T) => walk(input, new WeakSet()) as T };
}

/**
 * The values among `entries` that are secret by their name (`*_API_KEY`, `*_TOKEN`, `*_SECRET`,
 * `*_KEY`, `*_PASSWORD`), e.g. from the configuration or the environment.
 */
export function secretValues(entries: Record<string, unknown>): string[] {
  return Object.entries(entries)
    .filter(([key, value]) => typeof value === 'string' && /(?:^|_)(?:API_KEY|KEY|TOKEN|SECRET|PASSWORD)$/i.test(key))
    .map(([, value]) => value as string);
}
