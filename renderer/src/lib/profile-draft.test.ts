import { describe, expect, it } from 'vitest';
import type { UserProfile } from '../../../shared/schemas/profile';
import { changedFields, draftFromProfile, parseSymbols } from './profile-draft';
import { fieldErrors } from './field-errors';

const profile: UserProfile = {
  userId: '3f2b8c1e-9a47-4d2e-8b1f-6c0d5e4a3b21',
  displayName: 'Trader',
  experienceLevel: 'intermediate',
  preferredSymbols: ['SPX', 'SPY'],
  defaultTimeframe: '5m',
  notificationPrefs: { alertsEnabled: true, emailAlerts: false, browserNotifications: true },
  tradingStyle: 'day',
  queriesUsedThisMonth: 3,
  createdAt: '2026-03-10T14:00:00.000Z',
  updatedAt: '2026-03-10T14:00:00.000Z',
};

describe('profile draft', () => {
  it('splits symbols on commas and spaces', () => {
    expect(parseSymbols(' spx, spy  qqq,,')).toEqual(['spx', 'spy', 'qqq']);
    expect(parseSymbols('   ')).toEqual([]);
  });

  it('sends nothing when nothing changed (case of symbols aside)', () => {
    expect(changedFields(profile, draftFromProfile(profile))).toEqual({});
    expect(changedFields(profile, { ...draftFromProfile(profile), preferredSymbols: 'spx spy' })).toEqual({});
  });

  it('sends only the changed fields and the changed notification flags', () => {
    const draft = { ...draftFromProfile(profile), displayName: 'Ana', preferredSymbols: 'SPX, NDX', notificationPrefs: { ...profile.notificationPrefs, emailAlerts: true } };
    expect(changedFields(profile, draft)).toEqual({ displayName: 'Ana', preferredSymbols: ['SPX', 'NDX'], notificationPrefs: { emailAlerts: true } });
  });
});

describe('fieldErrors', () => {
  it('puts each issue under the longest matching field, the first message winning', () => {
    const issues = [
      { path: ['preferredSymbols', 2], message: 'bad symbol', code: 'invalid_format' },
      { path: ['preferredSymbols', 3], message: 'second bad symbol', code: 'invalid_format' },
      { path: ['notificationPrefs', 'emailAlerts'], message: 'expected boolean', code: 'invalid_type' },
      { path: [], message: 'Nothing to update', code: 'custom' },
    ];
    expect(fieldErrors(issues, ['preferredSymbols', 'notificationPrefs', 'notificationPrefs.emailAlerts'])).toEqual({
      byField: { preferredSymbols: 'bad symbol', 'notificationPrefs.emailAlerts': 'expected boolean' },
      other: ['Nothing to update'],
    });
  });
});
