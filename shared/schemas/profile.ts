import { z } from 'zod';
import { TimeframeSchema } from './market';

export const EXPERIENCE_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const TRADING_STYLES = ['day', 'swing', 'leaps', 'mixed'] as const;
/** At most this many preferred symbols (the watch list of the coach and the chart). */
export const MAX_PREFERRED_SYMBOLS = 20;

export const ExperienceLevelSchema = z.enum(EXPERIENCE_LEVELS, { error: 'Experience level must be beginner, intermediate or advanced' });
export const TradingStyleSchema = z.enum(TRADING_STYLES, { error: 'Trading style must be day, swing, leaps or mixed' });

/** A ticker as the user types it: trimmed and upper-cased (SPX, BRK.B, ^VIX is refused). */
export const TickerSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9.]{0,9}$/, 'A symbol is 1 to 10 letters, digits or dots, starting with a letter (e.g. SPX, BRK.B)');

export const NotificationPrefsSchema = z.object({
  /** Price alerts fire at all. */
  alertsEnabled: z.boolean(),
  /** Alerts are also sent by email (once sync with an account exists). */
  emailAlerts: z.boolean(),
  /** Alerts raise native / browser notifications besides the in-app toast. */
  browserNotifications: z.boolean(),
});
export type NotificationPrefs = z.infer<typeof NotificationPrefsSchema>;

const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'Display name cannot be empty')
  .max(60, 'Display name is at most 60 characters');

const PreferredSymbolsSchema = z
  .array(TickerSchema)
  .max(MAX_PREFERRED_SYMBOLS, `At most ${MAX_PREFERRED_SYMBOLS} preferred symbols`)
  .transform((symbols) => [...new Set(symbols)]);

/** The local user's profile (table `ai_coach_users`), in the shape of the Phase 2 seed. */
export const UserProfileSchema = z.object({
  /** A random UUID made on first access; stable, and the id the Supabase sync will use. */
  userId: z.uuid(),
  displayName: z.string(),
  experienceLevel: ExperienceLevelSchema,
  preferredSymbols: z.array(z.string()),
  defaultTimeframe: TimeframeSchema,
  notificationPrefs: NotificationPrefsSchema,
  tradingStyle: TradingStyleSchema,
  /** Chat messages sent in the current calendar month of the machine's time zone. */
  queriesUsedThisMonth: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UserProfile = z.infer<typeof UserProfileSchema>;

/**
 * A partial update: any editable field; `notificationPrefs` may itself be partial and is merged.
 * Unknown fields (including userId, counts and dates) are refused rather than ignored.
 */
export const ProfilePatchSchema = z
  .object({
    displayName: DisplayNameSchema,
    experienceLevel: ExperienceLevelSchema,
    preferredSymbols: PreferredSymbolsSchema,
    defaultTimeframe: z.enum(TimeframeSchema.options, { error: `Default timeframe must be one of ${TimeframeSchema.options.join(', ')}` }),
    notificationPrefs: NotificationPrefsSchema.partial().strict(),
    tradingStyle: TradingStyleSchema,
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to update: send at least one field');
export type ProfilePatch = z.output<typeof ProfilePatchSchema>;
export type ProfilePatchInput = z.input<typeof ProfilePatchSchema>;
