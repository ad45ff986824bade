import { z } from 'zod';
import { AppInfoSchema, EmptyInput, HealthReportSchema } from './schemas/app';
import { KeyListSchema, KeyNameSchema, KeySetInputSchema, KeyStatusSchema } from './schemas/keys';
import { ProfilePatchSchema, UserProfileSchema } from './schemas/profile';
import * as market from './schemas/market';
import * as journal from './schemas/journal';
import { LevelsRequestSchema, LevelsResponseSchema } from './schemas/levels';
import { LeapsProjectInputSchema, LeapsProjectionSchema, LeapsRollInputSchema, LeapsRollResultSchema } from './schemas/leaps';
import { MacroContextInputSchema, MacroContextSchema } from './schemas/macro';
import { MonitoringConfigSchema } from './schemas/monitoring';
import * as positions from './schemas/positions';
import { ChainRequestSchema, OptionChainSchema } from './schemas/chains';
import * as chat from './schemas/chat';
import { SettingEntrySchema, SettingKeySchema, SettingsMapSchema } from './schemas/settings';
import * as alerts from './schemas/alerts';
import * as notifications from './schemas/notifications';
import * as scanner from './schemas/scanner';
import * as screenshot from './schemas/screenshot';

/**
 * THE CONTRACT: every call between the renderer and the main process, listed once.
 *
 * Each entry becomes, with no further code: an `ipcMain.handle` registration, a function on the
 * preload's `window.coach.call`, an HTTP route `POST /api/rpc/<name>` and a method of the
 * renderer's `CoachApi`. Inputs are validated on the way in, outputs in development and tests.
 * Adding a call = one entry here + one service method in the matching handler map.
 */
function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, description: string, rest?: RestRoute) {
  return { input, output, description, rest };
}

/**
 * An optional REST address of a call besides `POST /api/rpc/<name>`, e.g. `'PATCH /api/user/profile'`
 * or `'DELETE /api/journal/trades/:id'`. The input is the JSON body (POST, PUT, PATCH) or the query
 * string (GET, DELETE; values arrive as strings, so such inputs coerce numbers), with the `:params`
 * of the path on top.
 */
export type RestRoute = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/${string}`;

export const calls = {
  /** Name, version, mode (electron | web) and data folder of the running app. */
  'app:info': call(EmptyInput, AppInfoSchema, 'Name, version, mode and data folder of the running app.'),
  /** Every check of the app (database, workers, providers) and whether the app is usable. */
  'health:ready': call(EmptyInput, HealthReportSchema, 'Health checks and overall readiness.'),
  /** Whether error monitoring is on, with its environment, release and the install's anonymous id. */
  'monitoring:config': call(EmptyInput, MonitoringConfigSchema, 'Error monitoring settings the renderer needs (never the DSN).'),
  /**
   * Throws an error in the main process on purpose, to check that monitoring reports it (request id
   * and all). Outside production only (`testTools`); refused with `forbidden` otherwise.
   */
  'monitoring:test-error': call(EmptyInput, z.never(), 'Raise a test error in the main process (not in production).'),
  /** All stored settings as a map; keys that were never set are absent. */
  'settings:list': call(EmptyInput, SettingsMapSchema, 'All stored user settings.', 'GET /api/settings'),
  /** Stores one setting; the value is validated against the key's schema. */
  'settings:set': call(SettingEntrySchema, SettingEntrySchema, 'Store one user setting.', 'PUT /api/settings/:key'),
  /** Forgets one setting so its default applies again. */
  'settings:reset': call(z.object({ key: SettingKeySchema }).strict(), z.object({ removed: z.boolean() }), 'Reset one setting to its default.', 'DELETE /api/settings/:key'),
  /** The local user's profile, created with the defaults on first access. */
  'profile:get': call(EmptyInput, UserProfileSchema, "The user's profile (made with defaults on first access).", 'GET /api/user/profile'),
  /** Changes some fields of the profile; an invalid field rejects the whole update. */
  'profile:update': call(ProfilePatchSchema, UserProfileSchema, 'Update some fields of the profile.', 'PATCH /api/user/profile'),
  /** Every service key: where its value comes from and at most its last four characters, never the value. */
  'keys:list': call(EmptyInput, KeyListSchema, 'Status of each service key (masked).', 'GET /api/user/keys'),
  /** Saves a key (validated per service); the answer is masked like keys:list. */
  'keys:set': call(KeySetInputSchema, KeyStatusSchema, 'Save one service key.', 'PUT /api/user/keys/:name'),
  /** Forgets a saved key; the environment variable of the same name applies again if set. */
  'keys:clear': call(z.object({ name: KeyNameSchema }).strict(), KeyStatusSchema, 'Forget one saved service key.', 'DELETE /api/user/keys/:name'),
  /** Where the exchange stands (pre, open, after, closed), why, and the next open and close; `at` for another instant. */
  'market:status': call(z.object({ at: z.number().int().optional() }).strict(), market.MarketStatusSchema, 'Market status on the NYSE calendar.'),
  /** Last price, change and previous close of one symbol, from the active provider. */
  'market:quote': call(z.object({ symbol: market.SymbolSchema }).strict(), market.QuoteSchema, 'Quote of one symbol.'),
  /** Quotes of several symbols at once; symbols without data are left out. */
  'market:snapshot': call(z.object({ symbols: z.array(market.SymbolSchema).min(1).max(50) }).strict(), z.array(market.QuoteSchema), 'Quotes of several symbols.'),
  /** OHLCV bars of a symbol for a range of New York dates, with the sessions of that range. */
  'market:bars': call(market.BarsRequestSchema, market.BarsResultSchema, 'Bars of a symbol (1m, 5m, 15m, 1h, 1d).'),
  /** Symbols matching a query: imported ones, then the known indices, ETFs and stocks. */
  'market:symbols': call(z.object({ query: z.string().max(40).default('') }).strict(), z.array(market.SymbolInfoSchema), 'Symbol search.'),
  /** Imports the user's own OHLCV CSV for a symbol; refused whole, with the bad rows listed, when any row is bad. */
  'market:importBars': call(market.ImportBarsRequestSchema, market.ImportBarsReportSchema, 'Import bars from a CSV file.'),
  /**
   * Key levels of a symbol for one session (the current or most recent one when no date is given):
   * prior day, pre-market, today, opening ranges, pivots, VWAP with its σ bands (per bar too), ATR
   * move, prior week and month, each with its distance from the last price. A closed or future date
   * is refused with `invalid_input`, an unknown symbol with `not_found`.
   */
  'levels:get': call(LevelsRequestSchema, LevelsResponseSchema, 'Key levels, VWAP bands and ATR of a symbol for one session.'),
  /** Trades (legs) matching the filters, sorted and paged, with the total count. */
  'journal:list': call(journal.TradeListInputSchema, journal.TradeListSchema, 'List journal trades with filters, sort and paging.', 'GET /api/journal/trades'),
  'journal:get': call(journal.TradeIdSchema, journal.TradeSchema, 'One journal trade.', 'GET /api/journal/trades/:id'),
  'journal:create': call(journal.TradeCreateSchema, journal.TradeSchema, 'Add a trade to the journal.', 'POST /api/journal/trades'),
  /** Changes some fields; the merged trade is validated again as a whole. */
  'journal:update': call(journal.TradeUpdateSchema, journal.TradeSchema, 'Edit a journal trade.', 'PATCH /api/journal/trades/:id'),
  /** A trade that does not exist (already deleted) is `not_found`, as for `journal:get` and `journal:update`. */
  'journal:delete': call(journal.TradeIdSchema, z.object({ removed: z.literal(true) }), 'Delete a journal trade.', 'DELETE /api/journal/trades/:id'),
  /** Statistics, equity curve, daily calendar and breakdowns of the closed trades matching the filters. */
  'journal:analytics': call(journal.AnalyticsInputSchema, journal.AnalyticsSchema, 'Journal analytics.', 'GET /api/journal/analytics'),
  /** The broker formats the importer knows, with their columns. */
  'journal:importPresets': call(EmptyInput, journal.ImportPresetListSchema, 'CSV import presets.', 'GET /api/journal/import/presets'),
  /** One piece of a CSV file, in order from 0 (the API's body limit is 1 MiB; files go up to 50 MiB). */
  'journal:importUpload': call(journal.ImportUploadInputSchema, journal.ImportUploadSchema, 'Upload a piece of a CSV file to import.', 'POST /api/journal/import/upload'),
  /** Parses an uploaded file: detected format, column mapping, trades it would write, errors per row. Writes nothing. */
  'journal:importPreview': call(journal.ImportOptionsSchema, journal.ImportPreviewSchema, 'Preview a CSV import.', 'POST /api/journal/import/preview'),
  /** Writes the trades of an uploaded file in one transaction; refused when the preview has errors. */
  'journal:importCommit': call(journal.ImportOptionsSchema, journal.ImportCommitSchema, 'Commit a CSV import.', 'POST /api/journal/import/commit'),

  // Alerts and notifications
  /** Alerts, newest first, filtered by status (default all) and symbol. Expired alerts show as expired. */
  'alerts:list': call(alerts.AlertListInputSchema, alerts.AlertListSchema, 'List price alerts.', 'GET /api/alerts'),
  'alerts:get': call(alerts.AlertIdSchema, alerts.AlertSchema, 'One price alert.', 'GET /api/alerts/:id'),
  /**
   * A new active alert. Refused with `invalid_input` when the market does not know the symbol, a
   * price is not above 0, the expiry is past, or the fields do not fit the condition. A percent-move
   * alert without a reference price is measured from the last price.
   */
  'alerts:create': call(alerts.AlertCreateSchema, alerts.AlertSchema, 'Create a price alert.', 'POST /api/alerts'),
  /** Changes some fields (checked again as a whole); `status: 'active'` re-arms a finished alert. */
  'alerts:update': call(alerts.AlertUpdateSchema, alerts.AlertSchema, 'Edit a price alert.', 'PATCH /api/alerts/:id'),
  /** Stops watching; the alert stays listed as cancelled. */
  'alerts:cancel': call(alerts.AlertIdSchema, alerts.AlertSchema, 'Cancel a price alert.', 'POST /api/alerts/:id/cancel'),
  /** Removes the alert; its notifications stay, with no alert. */
  'alerts:delete': call(alerts.AlertIdSchema, z.object({ removed: z.literal(true) }), 'Delete a price alert.', 'DELETE /api/alerts/:id'),
  /** Notifications newest first (`unread=true` for the unread ones), with the unread count. */
  'notifications:list': call(notifications.NotificationListInputSchema, notifications.NotificationListSchema, 'List notifications.', 'GET /api/notifications'),
  'notifications:markRead': call(notifications.NotificationIdSchema, notifications.NotificationSchema, 'Mark one notification read.', 'POST /api/notifications/:id/read'),
  'notifications:markAllRead': call(EmptyInput, notifications.MarkAllReadSchema, 'Mark every notification read.', 'POST /api/notifications/read-all'),
  /** The number on the Alerts tab's badge. */
  'notifications:unreadCount': call(EmptyInput, notifications.UnreadCountSchema, 'Count of unread notifications.', 'GET /api/notifications/unread-count'),

  // Options chains
  /**
   * The option chain of an underlying for one expiration (the nearest when none is given): every listed
   * expiration (0DTE, dailies, weeklies, monthlies, LEAPS) and, per strike, the call and the put with
   * bid, ask, mid, last, volume, open interest, IV and greeks. Simulated (priced from a volatility smile)
   * unless a Massive.com key is set. An unknown underlying is `not_found`; an expiry that is not a date,
   * is past or is not listed is `invalid_input` naming the nearest listed ones.
   */
  'options:chain': call(ChainRequestSchema, OptionChainSchema, 'Option chain of an underlying for one expiration.', 'GET /api/options/chain'),

  // Positions and portfolio
  /** Stored positions (newest opened first), filtered by status and underlying, with the recognised strategy of each. */
  'positions:list': call(positions.PositionListInputSchema, positions.PositionListSchema, 'List positions.', 'GET /api/positions'),
  /** One position; an unknown id is `not_found`. */
  'positions:get': call(positions.PositionIdSchema, positions.PositionSchema, 'One position.', 'GET /api/positions/:id'),
  /** Stores a position (legs on one underlying); without a name, one is made from the strategy ("SPY 600/605 call debit spread Dec 19"). */
  'positions:create': call(positions.PositionCreateSchema, positions.PositionSchema, 'Add a position.', 'POST /api/positions'),
  /** Changes some fields; new legs are recognised again (and rename a generated name); closing stamps closedAt. */
  'positions:update': call(positions.PositionUpdateSchema, positions.PositionSchema, 'Edit a position.', 'PATCH /api/positions/:id'),
  /** A position that does not exist (already deleted) is `not_found`. */
  'positions:delete': call(positions.PositionIdSchema, z.object({ removed: z.literal(true) }), 'Delete a position.', 'DELETE /api/positions/:id'),
  /**
   * Analysis of a stored position (`id`) or of legs not stored: marks, per-leg and dollar greeks, cost,
   * P&L, breakevens, max profit/loss, payoff at expiry and today over a price grid, probability of
   * profit, an optional what-if (price, date, IV), beta-weighted delta to SPX and risk flags.
   */
  'positions:analyze': call(positions.PositionAnalyzeInputSchema, positions.PositionAnalysisSchema, 'Analyse a position.', 'POST /api/positions/analyze'),
  /** Every open position analysed and added up: totals, per underlying, beta-weighted delta, flags. */
  'portfolio:analyze': call(positions.PortfolioAnalyzeInputSchema, positions.PortfolioAnalysisSchema, 'Analyse the open positions together.', 'GET /api/portfolio/analyze'),

  // LEAPS and macro
  /**
   * Value, P&L and dollar greeks of a set of legs on one underlying over a grid of dates (today to the
   * first expiry, every `stepDays`) × price moves (%) × IV shifts (vol points). A grid over
   * MAX_PROJECTION_CELLS is sampled with a wider step, and the answer says so in `warnings`.
   */
  'leaps:project': call(LeapsProjectInputSchema, LeapsProjectionSchema, 'Project a position over dates, price moves and IV shifts.', 'POST /api/leaps/project'),
  /** Roll a contract out, up or down: close and open prices, net credit or debit, new breakeven, the roll chain's cumulative premium, greeks before and after. */
  'leaps:roll': call(LeapsRollInputSchema, LeapsRollResultSchema, 'Roll calculator.', 'POST /api/leaps/roll'),
  /** Risk-free rate, VIX and its term structure, the next FOMC/CPI/payrolls dates (official calendars) and the day's index and sector moves. */
  'macro:context': call(MacroContextInputSchema, MacroContextSchema, 'Macro context: rate, VIX curve, event calendar, index and sector moves.', 'GET /api/macro/context'),

  // AI coach chat (the answer itself streams: see `streams` below)
  /** Which engine answers (the offline coach, or the OpenAI-compatible model named) and the functions it may call. */
  'chat:status': call(EmptyInput, chat.ChatStatusSchema, 'The chat engine and its functions.'),
  /** Sessions, most recently active first; `query` searches titles and message text. */
  'chat:sessions': call(chat.ChatSessionListInputSchema, chat.ChatSessionListSchema, 'List or search chat sessions.', 'GET /api/chat/sessions'),
  /** One session with its whole history (messages, function calls, cards). */
  'chat:session': call(chat.ChatSessionIdSchema, chat.ChatSessionDetailSchema, 'One chat session with its messages.', 'GET /api/chat/sessions/:id'),
  /** A new, empty session. */
  'chat:create': call(chat.ChatSessionCreateSchema, chat.ChatSessionSchema, 'Create a chat session.', 'POST /api/chat/sessions'),
  'chat:rename': call(chat.ChatSessionRenameSchema, chat.ChatSessionSchema, 'Rename a chat session.', 'PATCH /api/chat/sessions/:id'),
  /** Deletes a session and its messages; one that does not exist is `not_found`. */
  'chat:delete': call(chat.ChatSessionIdSchema, z.object({ removed: z.literal(true) }), 'Delete a chat session.', 'DELETE /api/chat/sessions/:id'),
  /** A session as a Markdown or JSON document (file name, MIME type, text). */
  'chat:export': call(chat.ChatExportInputSchema, chat.ChatExportSchema, 'Export a chat session.', 'GET /api/chat/sessions/:id/export'),
  /** Stops a streaming answer (IPC; over HTTP closing the request does the same). The partial answer is kept, marked stopped. */
  'chat:cancel': call(chat.ChatCancelInputSchema, chat.ChatCancelSchema, 'Stop a streaming answer.'),

  // Scanner
  /** Every scan (technical and options) with its tunable parameters and defaults, and the default watchlist. */
  'scanner:catalog': call(EmptyInput, scanner.ScanCatalogSchema, 'Scans the scanner knows, with their parameters.', 'GET /api/scanner/catalog'),
  /**
   * Runs scans (default all) over symbols (default the watchlist) now: one fetch of bars per symbol
   * shared by the technical scans, one chain (nearest expiry) per optionable symbol for the options
   * scans. Results best score first; symbols whose data failed are listed in `errors`.
   */
  'scanner:run': call(scanner.ScanRunInputSchema, scanner.ScanRunResultSchema, 'Run the opportunity scanner now.', 'POST /api/scanner/run'),
  /** Scan schedules, oldest first. */
  'scanner:schedules:list': call(EmptyInput, scanner.ScheduleListSchema, 'List scan schedules.', 'GET /api/scanner/schedules'),
  /** A schedule runs its scans every N minutes (1..240) in market hours and notifies when a result is new that day. */
  'scanner:schedules:create': call(scanner.ScheduleCreateSchema, scanner.ScanScheduleSchema, 'Create a scan schedule.', 'POST /api/scanner/schedules'),
  /** Changes some fields; an unknown id is `not_found`. */
  'scanner:schedules:update': call(scanner.ScheduleUpdateSchema, scanner.ScanScheduleSchema, 'Edit a scan schedule.', 'PATCH /api/scanner/schedules/:id'),
  'scanner:schedules:delete': call(scanner.ScheduleIdSchema, z.object({ removed: z.literal(true) }), 'Delete a scan schedule.', 'DELETE /api/scanner/schedules/:id'),

  // Broker screenshots (the reading itself streams its progress: see `streams` below)
  /** Screenshots read today (New York day) against the daily limit (setting `screenshot.dailyLimit`). */
  'screenshot:quota': call(EmptyInput, screenshot.ScreenshotQuotaSchema, 'Screenshots read today and the daily limit.', 'GET /api/screenshot/quota'),
  /** Screens and windows the desktop app can capture, with thumbnails; `supported: false` in web mode. */
  'screenshot:sources': call(EmptyInput, screenshot.CaptureSourceListSchema, 'Screens and windows to capture (desktop app).'),
  /** A full-size PNG of one of those sources; `unavailable` in web mode. */
  'screenshot:capture': call(screenshot.CaptureInputSchema, screenshot.CapturedImageSchema, 'Capture a screen or window (desktop app).'),
} as const;

/** Event streams from main to renderer (IPC `webContents.send`, SSE `GET /api/events`). */
export const events = {
  /** A setting changed (from any window or client). */
  'settings:changed': SettingEntrySchema,
  /** The health report changed status (a check went degraded, down or back to ok). */
  'health:changed': HealthReportSchema,
  /** The profile changed (an update, or a chat query counted). */
  'profile:changed': UserProfileSchema,
  /** A service key was saved or cleared (masked status, never the value). */
  'keys:changed': KeyStatusSchema,
  /** How far an import's parse or write has come (large files). */
  'journal:importProgress': journal.ImportProgressSchema,
  /** Trades were added, edited, deleted or imported. */
  'journal:changed': journal.JournalChangedSchema,

  // Alerts and notifications
  /** An alert fired: the alert, its notification, and whether to show a toast (the profile's alertsEnabled). */
  'alerts:triggered': alerts.AlertTriggeredSchema,
  /** Alerts were created, edited, cancelled, deleted, triggered or expired. */
  'alerts:changed': alerts.AlertsChangedSchema,
  /** A notification was stored (the badge counts it). */
  'notifications:created': notifications.NotificationSchema,
  /** The unread count changed (created, read, all read), for the badge of every window. */
  'notifications:changed': notifications.UnreadCountSchema,
  /** A native notification was clicked: show the Alerts tab with the alert highlighted. */
  'notifications:clicked': notifications.NotificationClickedSchema,

  // Positions and portfolio
  /** A position was created, edited or deleted. */
  'positions:changed': positions.PositionsChangedSchema,

  // Scanner
  /** A schedule's run found results that are new (today): the new results and their notification. */
  'scanner:results': scanner.ScannerResultsEventSchema,
  /** Schedules were created, edited, deleted, or one ran (its last-run fields changed). */
  'scanner:schedulesChanged': scanner.SchedulesChangedSchema,

  // AI coach chat
  /** A session was created, renamed, deleted or got a message (the session list refreshes). */
  'chat:sessionsChanged': chat.ChatSessionsChangedSchema,
} as const;

/** `maxBody`: a larger JSON body than the API's 1 MiB over HTTP (an image), and what to say past it. */
function stream<I extends z.ZodType, E extends z.ZodType, O extends z.ZodType>(input: I, event: E, output: O, description: string, rest?: RestRoute, maxBody?: { bytes: number; message: string }) {
  return { input, event, output, description, rest, maxBody };
}

/**
 * Calls whose answer streams as events before the output (the chat). Each becomes: an IPC channel
 * whose events go to the calling window only, tagged with the caller's stream id; `POST
 * /api/stream/<name>` (and its REST address) answering SSE with `Accept: text/event-stream`, or the
 * output as one JSON response otherwise; and `CoachApi.stream(name, input, {onEvent, signal})`.
 */
export const streams = {
  /**
   * A message to the coach (or `regenerate` the last answer). Events per DESIGN.md: stream_start,
   * token / function_call_start / function_call_result, message_complete | error, stream_end.
   * The output is the message_complete payload; the same is persisted either way.
   */
  'chat:send': stream(chat.ChatSendInputSchema, chat.ChatStreamEventSchema, chat.ChatTurnResultSchema, 'Send a chat message; the answer streams.', 'POST /api/chat/message'),
  /**
   * Confirmed screenshot positions: stored in the session as a context message (every later turn
   * sees them, also after a restart), then an automatic request for their analysis, answered like
   * `chat:send` (same events and output). Absent `sessionId`: a new session.
   */
  'chat:screenshotContext': stream(screenshot.ScreenshotContextInputSchema, chat.ChatStreamEventSchema, chat.ChatTurnResultSchema, 'Give the coach confirmed positions; the analysis streams.', 'POST /api/chat/screenshot-context'),
  /**
   * Reads the positions in a broker screenshot (PNG, JPEG, WebP; at most 10 MB): local OCR, or the
   * OpenAI vision model when a key is set (local OCR if it fails). Progress events while it reads;
   * a reading counts against the daily limit, a refused image does not. Nothing is stored but the count.
   */
  'screenshot:extract': stream(screenshot.ScreenshotExtractInputSchema, screenshot.ScreenshotProgressSchema, screenshot.ScreenshotExtractionSchema, 'Read the positions in a broker screenshot.', 'POST /api/screenshot/extract', {
    bytes: screenshot.MAX_SCREENSHOT_BASE64_CHARS + 4096,
    message: `The image is larger than ${screenshot.MAX_SCREENSHOT_BYTES / 1024 / 1024} MB: crop the screenshot to the positions table or save it as JPEG`,
  }),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
/** What a caller passes (before defaults and transforms). */
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
/** What a handler receives, after validation. */
export type CallParams<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

export type Streams = typeof streams;
export type StreamName = keyof Streams;
export type StreamInput<K extends StreamName> = z.input<Streams[K]['input']>;
export type StreamParams<K extends StreamName> = z.output<Streams[K]['input']>;
export type StreamEvent<K extends StreamName> = z.output<Streams[K]['event']>;
export type StreamOutput<K extends StreamName> = z.output<Streams[K]['output']>;
export const STREAM_NAMES = Object.keys(streams) as StreamName[];

/**
 * Over SSE, the name of the last frame of a stream whose events do not say how it ended (all but
 * the chat's, which end with message_complete or error, then stream_end): `{ok: true, value}` with
 * the output, or `{ok: false, error}`. Over IPC the outcome comes back as the invoke's result.
 */
export const STREAM_RESULT_FRAME = 'result';

/** Whether a stream's own events carry its outcome (the chat protocol) rather than a last `result` frame. */
export function streamEventsCarryOutcome(name: StreamName): boolean {
  return streams[name].event === chat.ChatStreamEventSchema;
}

export function isStreamName(name: string): name is StreamName {
  return Object.prototype.hasOwnProperty.call(streams, name);
}

/** The IPC channel that carries every stream's events to the window that started it, as `{streamId, event}`. */
export const STREAM_EVENT_CHANNEL = 'stream:event';

/** What one stream event looks like on that channel. */
export interface StreamEventMessage {
  streamId: string;
  event: unknown;
}
