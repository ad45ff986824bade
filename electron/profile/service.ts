import { randomUUID } from 'node:crypto';
import type { NotificationPrefs, ProfilePatch, UserProfile } from '../../shared/schemas/profile';
import type { Timeframe } from '../../shared/schemas/market';
import type { EventBus } from '../contract/event-bus';
import type { HandlerMap } from '../contract/dispatcher';
import type { Database } from '../db/database';
import { assertTimeZone, calendarMonth, systemTimeZone } from './calendar-month';

/** The profile made on first access; the user changes it in the Profile tab. */
export const DEFAULT_PROFILE = {
  displayName: 'Trader',
  experienceLevel: 'intermediate',
  preferredSymbols: ['SPX', 'SPY', 'QQQ'],
  defaultTimeframe: '5m',
  notificationPrefs: { alertsEnabled: true, emailAlerts: false, browserNotifications: true },
  tradingStyle: 'day',
} as const satisfies Omit<UserProfile, 'userId' | 'queriesUsedThisMonth' | 'createdAt' | 'updatedAt'>;

interface UserRow {
  user_id: string;
  display_name: string;
  experience_level: UserProfile['experienceLevel'];
  preferred_symbols: string;
  default_timeframe: Timeframe;
  notification_prefs: string;
  trading_style: UserProfile['tradingStyle'];
  queries_used_this_month: number;
  queries_month: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProfileServiceOptions {
  db: Database;
  events: EventBus;
  /** The current time (tests pass a fake clock). */
  clock?: () => Date;
  /**
   * The zone whose calendar month bounds the query count. Default: the machine's zone, i.e. the
   * month the user sees on their own clock (not New York's).
   */
  timeZone?: string;
  /** Makes the user id on first access (tests pass a fixed one). */
  newUserId?: () => string;
}

/**
 * The single local user's profile (`ai_coach_users`): created with defaults on first access,
 * updated field by field, and the count of chat queries in the current calendar month.
 */
export class ProfileService {
  private readonly db: Database;
  private readonly events: EventBus;
  private readonly clock: () => Date;
  private readonly newUserId: () => string;
  readonly timeZone: string;

  constructor(options: ProfileServiceOptions) {
    this.db = options.db;
    this.events = options.events;
    this.clock = options.clock ?? (() => new Date());
    this.timeZone = assertTimeZone(options.timeZone ?? systemTimeZone());
    this.newUserId = options.newUserId ?? randomUUID;
  }

  /** The profile, made with the defaults on first access. */
  get(): UserProfile {
    return this.toProfile(this.row(), this.clock());
  }

  /** Applies a validated partial update (notification preferences merge key by key). */
  update(patch: ProfilePatch): UserProfile {
    const now = this.clock();
    const row = this.db.transaction(() => {
      const current = this.toProfile(this.row(), now);
      const next = { ...current, ...patch, notificationPrefs: { ...current.notificationPrefs, ...patch.notificationPrefs } };
      this.db
        .prepare(
          `UPDATE ai_coach_users SET display_name = ?, experience_level = ?, preferred_symbols = ?, default_timeframe = ?,
             notification_prefs = ?, trading_style = ?, updated_at = ? WHERE user_id = ?`,
        )
        .run(
          next.displayName,
          next.experienceLevel,
          JSON.stringify(next.preferredSymbols),
          next.defaultTimeframe,
          JSON.stringify(next.notificationPrefs),
          next.tradingStyle,
          now.toISOString(),
          current.userId,
        );
      return this.row();
    });
    return this.changed(row, now);
  }

  /**
   * Counts one chat message (the chat service calls this for each message the user sends). The
   * first query of a new calendar month starts the count again at 1. `updatedAt` stays: it says
   * when the user last edited the profile, and counting a query edits nothing.
   */
  recordQuery(now: Date = this.clock()): UserProfile {
    const month = calendarMonth(now, this.timeZone);
    const row = this.db.transaction(() => {
      const { user_id } = this.row();
      this.db
        .prepare(
          `UPDATE ai_coach_users SET queries_used_this_month = CASE WHEN queries_month = ? THEN queries_used_this_month + 1 ELSE 1 END,
             queries_month = ? WHERE user_id = ?`,
        )
        .run(month, month, user_id);
      return this.row();
    });
    return this.changed(row, now);
  }

  handlers(): HandlerMap {
    return {
      'profile:get': () => this.get(),
      'profile:update': (patch) => this.update(patch),
    };
  }

  private changed(row: UserRow, now: Date): UserProfile {
    const profile = this.toProfile(row, now);
    this.events.emit('profile:changed', profile);
    return profile;
  }

  /** The one user row, inserted with the defaults when there is none yet. */
  private row(): UserRow {
    const select = () => this.db.prepare<UserRow>('SELECT * FROM ai_coach_users ORDER BY created_at LIMIT 1').get();
    const existing = select();
    if (existing) return existing;
    const now = this.clock().toISOString();
    const d = DEFAULT_PROFILE;
    this.db
      .prepare(
        `INSERT INTO ai_coach_users (user_id, display_name, experience_level, preferred_symbols, default_timeframe,
           notification_prefs, trading_style, queries_used_this_month, queries_month, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)`,
      )
      .run(this.newUserId(), d.displayName, d.experienceLevel, JSON.stringify(d.preferredSymbols), d.defaultTimeframe, JSON.stringify(d.notificationPrefs), d.tradingStyle, now, now);
    return select()!;
  }

  private toProfile(row: UserRow, now: Date): UserProfile {
    const inThisMonth = row.queries_month === calendarMonth(now, this.timeZone);
    return {
      userId: row.user_id,
      displayName: row.display_name,
      experienceLevel: row.experience_level,
      preferredSymbols: JSON.parse(row.preferred_symbols) as string[],
      defaultTimeframe: row.default_timeframe,
      notificationPrefs: JSON.parse(row.notification_prefs) as NotificationPrefs,
      tradingStyle: row.trading_style,
      queriesUsedThisMonth: inThisMonth ? row.queries_used_this_month : 0,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
