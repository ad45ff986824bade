import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../host';
import { startTestHost, type TestHost } from '../testing/test-host';

describe('GET|PATCH /api/user/profile', () => {
  let t: TestHost;
  const json = { 'content-type': 'application/json' };
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  it('creates the default profile on the first GET and returns it unchanged after', async () => {
    const res = await t.request('/api/user/profile');
    expect(res.status).toBe(200);
    const profile = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(profile).sort()).toEqual(
      ['userId', 'displayName', 'experienceLevel', 'preferredSymbols', 'defaultTimeframe', 'notificationPrefs', 'tradingStyle', 'queriesUsedThisMonth', 'createdAt', 'updatedAt'].sort(),
    );
    expect(profile).toMatchObject({ experienceLevel: 'intermediate', tradingStyle: 'day', queriesUsedThisMonth: 0 });
    expect(await (await t.request('/api/user/profile')).json()).toEqual(profile);
  });

  it('PATCH updates the given fields; the next GET shows them', async () => {
    const res = await t.request('/api/user/profile', {
      method: 'PATCH',
      body: JSON.stringify({ displayName: 'Dana', tradingStyle: 'swing', defaultTimeframe: '15m', notificationPrefs: { browserNotifications: false } }),
      headers: json,
    });
    expect(res.status).toBe(200);
    const patched = await res.json();
    expect(patched).toMatchObject({
      displayName: 'Dana',
      tradingStyle: 'swing',
      defaultTimeframe: '15m',
      experienceLevel: 'intermediate',
      notificationPrefs: { alertsEnabled: true, emailAlerts: false, browserNotifications: false },
    });
    expect(await (await t.request('/api/user/profile')).json()).toEqual(patched);
  });

  it('PATCH with an invalid experience level is a 400 with a clear message, and nothing changes', async () => {
    const before = await (await t.request('/api/user/profile')).json();
    const res = await t.request('/api/user/profile', { method: 'PATCH', body: JSON.stringify({ displayName: 'Eve', experienceLevel: 'expert' }), headers: json });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('experienceLevel: Experience level must be beginner, intermediate or advanced'),
        issues: [{ path: ['experienceLevel'], message: 'Experience level must be beginner, intermediate or advanced' }],
        requestId: expect.any(String),
      },
    });
    expect(await (await t.request('/api/user/profile')).json()).toEqual(before);
  });

  it("counts chat messages through host.profile.recordQuery (the chat's hook); the next GET shows them", async () => {
    const before = ((await (await t.request('/api/user/profile')).json()) as { queriesUsedThisMonth: number }).queriesUsedThisMonth;
    t.host.profile.recordQuery();
    t.host.profile.recordQuery();
    expect(await (await t.request('/api/user/profile')).json()).toMatchObject({ queriesUsedThisMonth: before + 2 });
  });

  it('answers 405 for other methods and 401 without the token', async () => {
    const res = await t.request('/api/user/profile', { method: 'POST', body: '{}', headers: json });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, PATCH');
    expect((await t.request('/api/user/profile', { token: null })).status).toBe(401);
  });

  it('keeps the profile (and its user id) across restarts of the host', async () => {
    const before = await (await t.request('/api/user/profile')).json();
    const again = createHost({ mode: 'web', version: 'test', env: { TITM_DATA_DIR: t.dataDir }, logSink: () => {} });
    try {
      expect(await again.dispatch('profile:get', {})).toEqual({ ok: true, value: before });
    } finally {
      await again.stop();
    }
  });
});
