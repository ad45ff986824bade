import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRETS_FILE } from '../host';
import { startTestHost, type TestHost } from '../testing/test-host';

// Realistic shapes, each with a distinctive middle so a leak of any part shows up.
const SECRETS = {
  OPENAI_API_KEY: 'sk-proj-LEAKCHECKopenai7f3k9q2m5x8v1b4n6',
  MASSIVE_API_KEY: 'LEAKCHECKmassive0Yp3Ws8Kd2Jf5Hg7',
  SUPABASE_URL: 'https://leakcheckproject.supabase.co',
  SUPABASE_ANON_KEY: 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.LEAKCHECKanon5Nf0wQ',
  SENTRY_DSN: 'https://0123456789abcdefLEAKCHECK0123456@o447.ingest.sentry.io/5550',
} as const;
const ENV_MASSIVE = 'env-LEAKCHECK-massive-key-0042';

describe('service keys over the local API', () => {
  let t: TestHost;
  const seen: string[] = [];
  const json = { 'content-type': 'application/json' };

  /** Every answer body and event payload is kept, to search for secrets at the end. */
  async function text(res: Response): Promise<string> {
    const body = await res.text();
    seen.push(body);
    return body;
  }

  beforeAll(async () => {
    t = await startTestHost({ env: { MASSIVE_API_KEY: ENV_MASSIVE } });
    t.host.events.subscribe((name, payload) => seen.push(JSON.stringify({ name, payload })));
  });
  afterAll(() => t.close());

  it('lists every key masked, with the environment as the fallback source', async () => {
    const res = await t.request('/api/user/keys');
    expect(res.status).toBe(200);
    expect(JSON.parse(await text(res))).toEqual({
      storage: 'owner-only-file',
      keys: [
        { name: 'OPENAI_API_KEY', source: 'none' },
        { name: 'MASSIVE_API_KEY', source: 'environment', last4: '0042' },
        { name: 'SUPABASE_URL', source: 'none' },
        { name: 'SUPABASE_ANON_KEY', source: 'none' },
        { name: 'SENTRY_DSN', source: 'none' },
      ],
    });
    expect(t.host.secrets.get('MASSIVE_API_KEY')).toBe(ENV_MASSIVE);
  });

  it('saves each key (REST and RPC) and answers with the masked status only; consumers see it at once', async () => {
    const massive = t.host.secrets.getter('MASSIVE_API_KEY');
    const changed: string[] = [];
    t.host.secrets.onChange((name) => changed.push(name));
    for (const [name, value] of Object.entries(SECRETS)) {
      const res = await t.request(`/api/user/keys/${name}`, { method: 'PUT', body: JSON.stringify({ value }), headers: json });
      expect(res.status).toBe(200);
      expect(JSON.parse(await text(res))).toEqual({ name, source: 'saved', last4: value.slice(-4), updatedAt: expect.any(String) });
    }
    expect(massive()).toBe(SECRETS.MASSIVE_API_KEY); // the saved key wins over the environment, no restart
    expect(changed).toEqual(Object.keys(SECRETS));

    const again = await t.rpc('keys:set', { name: 'OPENAI_API_KEY', value: SECRETS.OPENAI_API_KEY });
    expect(JSON.parse(await text(again))).toMatchObject({ name: 'OPENAI_API_KEY', source: 'saved' });
    const list = JSON.parse(await text(await t.rpc('keys:list', {}))) as { keys: { source: string }[] };
    expect(list.keys.map((k) => k.source)).toEqual(['saved', 'saved', 'saved', 'saved', 'saved']);

    const file = path.join(t.dataDir, SECRETS_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['OPENAI_API_KEY', 'sk-LEAKCHECK with a space', 'OpenAI API key cannot contain spaces or line breaks'],
    ['OPENAI_API_KEY', '', 'OpenAI API key cannot be empty'],
    ['MASSIVE_API_KEY', `LEAKCHECK${'x'.repeat(300)}`, 'Massive API key is too long (at most 256 characters)'],
    ['SUPABASE_URL', 'http://LEAKCHECK.supabase.co', 'Supabase URL must be an https:// address (http:// only for 127.0.0.1 or localhost)'],
    ['SENTRY_DSN', 'https://sentry.io/LEAKCHECK', 'Sentry DSN must look like https://<public key>@<host>/<project id>'],
  ])('refuses a bad %s with a message that does not quote it, and keeps the saved one', async (name, value, message) => {
    const res = await t.request(`/api/user/keys/${name}`, { method: 'PUT', body: JSON.stringify({ value }), headers: json });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: ['value'], message }] } });
    expect(body).not.toContain('LEAKCHECK');
    expect(t.host.secrets.get(name as keyof typeof SECRETS)).toBe(SECRETS[name as keyof typeof SECRETS]);
  });

  it('refuses an unknown key name', async () => {
    const res = await t.request('/api/user/keys/AWS_SECRET', { method: 'PUT', body: JSON.stringify({ value: 'abc' }), headers: json });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Key name must be one of OPENAI_API_KEY');
  });

  it('clears a key: the environment value applies again', async () => {
    const res = await t.request('/api/user/keys/MASSIVE_API_KEY', { method: 'DELETE' });
    expect(JSON.parse(await text(res))).toEqual({ name: 'MASSIVE_API_KEY', source: 'environment', last4: '0042' });
    expect(t.host.secrets.get('MASSIVE_API_KEY')).toBe(ENV_MASSIVE);
    const openai = await t.rpc('keys:clear', { name: 'OPENAI_API_KEY' });
    expect(JSON.parse(await text(openai))).toEqual({ name: 'OPENAI_API_KEY', source: 'none' });
    expect(t.host.secrets.get('OPENAI_API_KEY')).toBeUndefined();
  });

  it('never puts a secret in an answer, an event or a log line', () => {
    expect(seen.length).toBeGreaterThan(10);
    expect(t.logs.length).toBeGreaterThan(10);
    const haystacks = [...seen, ...t.logs.map((line) => JSON.stringify(line))];
    for (const secret of [...Object.values(SECRETS), ENV_MASSIVE]) {
      for (const hay of haystacks) expect(hay).not.toContain(secret);
    }
    for (const hay of haystacks) expect(hay).not.toContain('LEAKCHECK');
  });
});
