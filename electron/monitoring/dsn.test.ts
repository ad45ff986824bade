import { describe, expect, it } from 'vitest';
import { parseDsn } from './dsn';

describe('parseDsn', () => {
  it('finds the key, the project and the envelope endpoint (also behind a path prefix)', () => {
    expect(parseDsn('https://abc123@o42.ingest.sentry.io/4501')).toEqual({
      publicKey: 'abc123',
      projectId: '4501',
      envelopeUrl: 'https://o42.ingest.sentry.io/api/4501/envelope/?sentry_key=abc123&sentry_version=7',
    });
    expect(parseDsn('http://pk@127.0.0.1:9000/sentry/7')?.envelopeUrl).toBe('http://127.0.0.1:9000/sentry/api/7/envelope/?sentry_key=pk&sentry_version=7');
  });

  it('refuses what is not a DSN', () => {
    for (const bad of ['', 'not a url', 'https://o42.ingest.sentry.io/4501', 'https://k@host/', 'ftp://k@host/1', 'https://k@host/project']) {
      expect(parseDsn(bad), bad).toBeUndefined();
    }
  });
});
