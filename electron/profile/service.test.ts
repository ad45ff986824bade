import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import { EventBus } from '../contract/event-bus';
import { createDispatcher, type Dispatch } from '../contract/dispatcher';
import { Database } from '../db/database';
import { silentLogger } from '../observability/logger';
import { stubHandlers } from '../testing/stub-handlers';
import { DEFAULT_PROFILE, ProfileService } from './service';

const USER_ID = '3f2b8c1e-9a47-4d2e-8b1f-6c0d5e4a3b21';

/** A clock the test moves by hand. */
function fakeClock(iso: string) {
  let now = new Date(iso);
  return {
    now: () => now,
    set: (next: string) => {
      now = new Date(next);
    },
  };
}

describe('ProfileService', () => {
  let db: Database;
  let events: EventBus;
  let emitted: { name: EventName; payload: unknown }[];
  let clock: ReturnType<typeof fakeClock>;
  let service: ProfileService;
  let dispatch: Dispatch;

  beforeEach(() => {
    db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
    events = new EventBus(true);
    emitted = [];
    events.subscribe((name, payload) => emitted.push({ name, payload }));
    clock = fakeClock('2026-03-10T14:00:00.000Z');
    service = new ProfileService({ db, events, clock: clock.now, timeZone: 'America/New_York', newUserId: () => USER_ID });
    dispatch = createDispatcher(stubHandlers(service.handlers()), { logger: silentLogger, validateOutput: true });
  });
  afterEach(() => db.close());

  it('creates the default profile on first access, once', async () => {
    const first = await dispatch('profile:get', {});
    expect(first).toEqual({
      ok: true,
      value: {
        userId: USER_ID,
        displayName: 'Trader',
        experienceLevel: 'intermediate',
        preferredSymbols: ['SPX', 'SPY', 'QQQ'],
        defaultTimeframe: '5m',
        notificationPrefs: { alertsEnabled: true, emailAlerts: false, browserNotifications: true },
        tradingStyle: 'day',
        queriesUsedThisMonth: 0,
        createdAt: '2026-03-10T14:00:00.000Z',
        updatedAt: '2026-03-10T14:00:00.000Z',
      },
    });
    clock.set('2026-03-11T09:00:00.000Z');
    expect(await dispatch('profile:get', {})).toEqual(first);
    expect(db.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM ai_coach_users').get()!.n).toBe(1);
  });

  it('makes a random v4 UUID for the user by default', () => {
    const other = new ProfileService({ db: new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 }), events });
    expect(other.get().userId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('applies a partial update, merges notification preferences and stamps updatedAt', async () => {
    service.get();
    clock.set('2026-03-12T15:30:00.000Z');
    const result = await dispatch('profile:update', {
      displayName: '  Ana  ',
      experienceLevel: 'advanced',
      preferredSymbols: ['ndx', ' spy', 'SPY', 'brk.b'],
      notificationPrefs: { emailAlerts: true },
    });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        displayName: 'Ana',
        experienceLevel: 'advanced',
        preferredSymbols: ['NDX', 'SPY', 'BRK.B'],
        defaultTimeframe: DEFAULT_PROFILE.defaultTimeframe,
        notificationPrefs: { alertsEnabled: true, emailAlerts: true, browserNotifications: true },
        tradingStyle: 'day',
        createdAt: '2026-03-10T14:00:00.000Z',
        updatedAt: '2026-03-12T15:30:00.000Z',
      }),
    });
    expect(service.get()).toEqual((result as { value: unknown }).value);
    expect(emitted.at(-1)).toEqual({ name: 'profile:changed', payload: service.get() });
  });

  it('rejects an invalid experience level with a clear message and changes nothing', async () => {
    const before = service.get();
    clock.set('2026-03-12T15:30:00.000Z');
    const result = await dispatch('profile:update', { displayName: 'Changed', experienceLevel: 'guru' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Invalid input for profile:update: experienceLevel: Experience level must be beginner, intermediate or advanced',
        issues: [{ path: ['experienceLevel'], message: 'Experience level must be beginner, intermediate or advanced' }],
      },
    });
    expect(service.get()).toEqual(before);
    expect(emitted).toEqual([]);
  });

  it.each([
    [{ tradingStyle: 'scalping' }, 'tradingStyle', 'Trading style must be day, swing, leaps or mixed'],
    [{ defaultTimeframe: '2m' }, 'defaultTimeframe', 'Default timeframe must be one of 1m, 5m, 15m, 1h, 1d'],
    [{ displayName: '   ' }, 'displayName', 'Display name cannot be empty'],
    [{ displayName: 'x'.repeat(61) }, 'displayName', 'Display name is at most 60 characters'],
    [{ preferredSymbols: ['SPY', '^VIX'] }, 'preferredSymbols.1', 'A symbol is 1 to 10 letters, digits or dots, starting with a letter (e.g. SPX, BRK.B)'],
    [{ preferredSymbols: Array.from({ length: 21 }, (_, i) => `S${i}`) }, 'preferredSymbols', 'At most 20 preferred symbols'],
    [{ notificationPrefs: { emailAlerts: 'yes' } }, 'notificationPrefs.emailAlerts', 'Invalid input: expected boolean, received string'],
    [{ userId: 'mine' }, '', 'Unrecognized key: "userId"'],
    [{ queriesUsedThisMonth: 0 }, '', 'Unrecognized key: "queriesUsedThisMonth"'],
    [{}, '', 'Nothing to update: send at least one field'],
  ])('rejects %j', async (patch, path, message) => {
    const before = service.get();
    const result = await dispatch('profile:update', patch);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.error.issues!;
    expect(issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, message]);
    expect(service.get()).toEqual(before);
  });

  describe('queries used this month', () => {
    it('counts each query and starts again at local midnight on the first of the month', () => {
      clock.set('2026-01-31T20:00:00.000Z'); // 15:00 ET
      expect(service.recordQuery().queriesUsedThisMonth).toBe(1);
      // Feb 1 00:30 UTC is still Jan 31 19:30 in New York: the same month.
      expect(service.recordQuery(new Date('2026-02-01T00:30:00.000Z')).queriesUsedThisMonth).toBe(2);
      expect(service.recordQuery(new Date('2026-02-01T04:59:59.999Z')).queriesUsedThisMonth).toBe(3);

      // The read at 23:59:59.999 ET still shows January's count; one millisecond later February starts at 0.
      clock.set('2026-02-01T04:59:59.999Z');
      expect(service.get().queriesUsedThisMonth).toBe(3);
      clock.set('2026-02-01T05:00:00.000Z');
      expect(service.get().queriesUsedThisMonth).toBe(0);
      expect(service.recordQuery().queriesUsedThisMonth).toBe(1);
      expect(service.recordQuery(new Date('2026-02-27T12:00:00.000Z')).queriesUsedThisMonth).toBe(2);
      expect(emitted.filter((e) => e.name === 'profile:changed')).toHaveLength(5);
    });

    it('starts again across the year boundary', () => {
      service.recordQuery(new Date('2026-12-15T12:00:00.000Z'));
      expect(service.recordQuery(new Date('2027-01-01T04:59:59.000Z')).queriesUsedThisMonth).toBe(2); // Dec 31 23:59:59 ET
      expect(service.recordQuery(new Date('2027-01-01T05:00:00.000Z')).queriesUsedThisMonth).toBe(1); // Jan 1 00:00 ET
      clock.set('2027-01-20T12:00:00.000Z');
      expect(service.get().queriesUsedThisMonth).toBe(1);
    });

    it('does not carry a count over from the same month of another year', () => {
      service.recordQuery(new Date('2026-03-05T12:00:00.000Z'));
      clock.set('2027-03-05T12:00:00.000Z');
      expect(service.get().queriesUsedThisMonth).toBe(0);
      expect(service.recordQuery().queriesUsedThisMonth).toBe(1);
    });

    it('follows the configured zone: Tokyo starts March at 15:00 UTC on Feb 28', () => {
      const tokyo = new ProfileService({ db, events, clock: clock.now, timeZone: 'Asia/Tokyo' });
      tokyo.recordQuery(new Date('2026-02-28T14:59:00.000Z'));
      expect(tokyo.recordQuery(new Date('2026-02-28T14:59:59.999Z')).queriesUsedThisMonth).toBe(2);
      expect(tokyo.recordQuery(new Date('2026-02-28T15:00:00.000Z')).queriesUsedThisMonth).toBe(1);
    });

    it('keeps the profile fields and its updatedAt when counting', () => {
      clock.set('2026-03-01T10:00:00.000Z');
      service.update({ displayName: 'Ana' });
      clock.set('2026-03-02T11:00:00.000Z');
      const counted = service.recordQuery();
      expect(counted).toMatchObject({ displayName: 'Ana', queriesUsedThisMonth: 1, updatedAt: '2026-03-01T10:00:00.000Z' });
      expect(service.get().updatedAt).toBe('2026-03-01T10:00:00.000Z');
    });
  });
});
