import { describe, expect, it } from 'vitest';
import { createScrubber, REDACTED, REDACTED_EMAIL, REDACTED_USER, secretValues } from './scrub';

const TOKEN = 'e2e-token-0123456789abcdefghijkl';
const OPENAI_KEY = 'sk-proj-Abc123def456GHI789jkl012';

describe('createScrubber().text', () => {
  const scrub = createScrubber([TOKEN, 'short']);

  it('removes the known secrets, also URL-encoded, and ignores values too short to be secrets', () => {
    expect(scrub.text(`token ${TOKEN} and again ${TOKEN}`)).toBe(`token ${REDACTED} and again ${REDACTED}`);
    const weird = createScrubber(['a b/c+d=e&f']);
    expect(weird.text(`x=${encodeURIComponent('a b/c+d=e&f')}`)).toBe(`x=${REDACTED}`);
    expect(scrub.text('a short word')).toBe('a short word');
  });

  it('removes bearer tokens, sk- keys and JWTs it was never told about', () => {
    expect(scrub.text('Authorization: Bearer abcdef.ghijkl-123')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(scrub.text(`OpenAI said 401 for ${OPENAI_KEY}.`)).toBe(`OpenAI said 401 for ${REDACTED}.`);
    expect(scrub.text('key sk_live_51HxYzAbCdEfGh')).toBe(`key ${REDACTED}`);
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(scrub.text(`apikey header ${jwt}`)).toBe(`apikey header ${REDACTED}`);
  });

  it('removes credentials from URLs: #token=, ?apiKey=, sentry_key, user:password@', () => {
    expect(scrub.text('http://127.0.0.1:4000/#token=abc123XYZ')).toBe(`http://127.0.0.1:4000/#token=${REDACTED}`);
    expect(scrub.text('https://api.example.com/v2/aggs?ticker=SPY&apiKey=Zx9_secret&limit=5')).toBe(
      `https://api.example.com/v2/aggs?ticker=SPY&apiKey=${REDACTED}&limit=5`,
    );
    expect(scrub.text('/api/1/envelope/?sentry_key=abcdef&sentry_version=7')).toBe(`/api/1/envelope/?sentry_key=${REDACTED}&sentry_version=7`);
    expect(scrub.text('postgres://admin:hunter22@db.example.com/x')).toBe(`postgres://${REDACTED}@db.example.com/x`);
  });

  it('hides the account name in home-folder paths', () => {
    expect(scrub.text('at load (/home/jane/apps/titm/out/host/web.mjs:10:3)')).toBe(`at load (/home/${REDACTED_USER}/apps/titm/out/host/web.mjs:10:3)`);
    expect(scrub.text('/Users/jane.doe/Library/Application Support/TITM AI Coach')).toBe(`/Users/${REDACTED_USER}/Library/Application Support/TITM AI Coach`);
    expect(scrub.text('data in C:\\Users\\Jane\\AppData')).toBe(`data in C:\\Users\\${REDACTED_USER}\\AppData`);
    expect(scrub.text('file:///home/jane/x.js')).toBe(`file:///home/${REDACTED_USER}/x.js`);
    expect(scrub.text('/srv/home/jane stays')).toBe('/srv/home/jane stays');
  });

  it('replaces e-mail addresses but leaves a DSN-like host and ordinary text alone', () => {
    expect(scrub.text('sign-in failed for jane.doe+titm@example.co.uk today')).toBe(`sign-in failed for ${REDACTED_EMAIL} today`);
    expect(scrub.text('SPX 5,900 call @ 12.40, stop at 5,880')).toBe('SPX 5,900 call @ 12.40, stop at 5,880');
    expect(scrub.text('at render (App.tsx:12:5)')).toBe('at render (App.tsx:12:5)');
  });
});

describe('createScrubber().value', () => {
  it('scrubs a Sentry-shaped event deeply without touching the original', () => {
    const scrub = createScrubber([TOKEN]);
    const event = {
      message: `call failed with ${TOKEN}`,
      request: { url: `http://127.0.0.1/#token=${TOKEN}`, headers: { Authorization: `Bearer ${TOKEN}`, 'User-Agent': 'Chromium', Cookie: 'sid=1' } },
      exception: { values: [{ type: 'Error', value: `bad key ${OPENAI_KEY}`, stacktrace: { frames: [{ filename: 'app:///main.mjs', lineno: 3 }] } }] },
      breadcrumbs: [{ category: 'log', data: { OPENAI_API_KEY: 'anything-at-all', user: 'trader@example.com', tokens: 812 } }],
      extra: { list: [TOKEN, 42, null, true] },
    };
    const copy = structuredClone(event);
    const out = scrub.value(event);
    expect(event).toEqual(copy);
    expect(JSON.stringify(out)).not.toContain(TOKEN);
    expect(JSON.stringify(out)).not.toContain(OPENAI_KEY);
    expect(JSON.stringify(out)).not.toContain('trader@example.com');
    expect(out.request.headers).toEqual({ Authorization: REDACTED, 'User-Agent': 'Chromium', Cookie: REDACTED });
    expect(out.breadcrumbs[0]!.data).toEqual({ OPENAI_API_KEY: REDACTED, user: REDACTED_EMAIL, tokens: 812 });
    expect(out.exception.values[0]!.stacktrace).toEqual(event.exception.values[0]!.stacktrace);
    expect(out.extra.list).toEqual([REDACTED, 42, null, true]);
  });

  it('survives cycles, keeps dates and errors readable, and drops binary payloads', () => {
    const scrub = createScrubber();
    const loop: Record<string, unknown> = { at: new Date('2026-11-25T14:30:00Z') };
    loop.self = loop;
    loop.error = new Error('Bearer abcdefghij failed');
    loop.bytes = new Uint8Array([1, 2, 3]);
    expect(scrub.value(loop)).toEqual({
      at: '2026-11-25T14:30:00.000Z',
      self: '[circular]',
      error: { name: 'Error', message: `Bearer ${REDACTED} failed`, stack: expect.stringContaining(`Bearer ${REDACTED} failed`) },
      bytes: REDACTED,
    });
  });
});

describe('secretValues', () => {
  it('takes the values whose names say they are secret', () => {
    expect(
      secretValues({ TITM_TOKEN: 'tok', OPENAI_API_KEY: 'k1', SUPABASE_ANON_KEY: 'k2', MASSIVE_API_KEY: undefined, TITM_PORT: 80, OPENAI_MODEL: 'gpt', SENTRY_DSN: 'x' }),
    ).toEqual(['tok', 'k1', 'k2']);
  });
});
