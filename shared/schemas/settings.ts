import { z } from 'zod';

/** Bounds of the chat panel's width in pixels (the layout clamps its splitter to them too). */
export const CHAT_PANEL_WIDTH = { min: 280, max: 900, default: 400 } as const;

/**
 * Every user setting the app stores, with its schema. A key's value is validated here on the way in,
 * so a bad value never reaches the database.
 */
export const settingSchemas = {
  /** Width of the chat panel in pixels, as the user last dragged it. */
  'ui.chatPanelWidth': z.number().int().min(CHAT_PANEL_WIDTH.min).max(CHAT_PANEL_WIDTH.max),
  /** The center-panel tab the user last opened. */
  'ui.activeTab': z.string().min(1).max(40),
  /** The chat session open in the chat panel (null: a new conversation), so a reload reopens it. */
  'chat.activeSessionId': z.string().min(1).max(80).nullable(),
  /** Broker screenshots read per New York day (default DEFAULT_SCREENSHOT_DAILY_LIMIT, 5). */
  'screenshot.dailyLimit': z.number().int().min(1).max(100),
  /** Main window bounds, remembered between launches of the desktop app. */
  'window.bounds': z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(400).max(20000),
    height: z.number().int().min(300).max(20000),
    maximized: z.boolean(),
  }),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;
export const SETTING_KEYS = Object.keys(settingSchemas) as [SettingKey, ...SettingKey[]];
export const SettingKeySchema = z.enum(SETTING_KEYS);

type SettingEntryOf<K extends SettingKey> = { key: K; value: SettingValue<K> };
export type SettingEntry = { [K in SettingKey]: SettingEntryOf<K> }[SettingKey];

type EntrySchema = z.ZodObject<{ key: z.ZodLiteral<SettingKey>; value: z.ZodType }>;
const entrySchemas = SETTING_KEYS.map((key): EntrySchema => z.object({ key: z.literal(key), value: settingSchemas[key] }));

/**
 * `{key, value}` where the value's schema is chosen by the key. zod cannot infer the key/value
 * pairing of a union built in a loop, so the static type is stated.
 */
export const SettingEntrySchema = z.discriminatedUnion('key', entrySchemas as [EntrySchema, ...EntrySchema[]]) as unknown as z.ZodType<SettingEntry>;

/** Every stored setting by key; keys never set are absent. */
export const SettingsMapSchema = z.object(settingSchemas).partial();
export type SettingsMap = z.infer<typeof SettingsMapSchema>;
