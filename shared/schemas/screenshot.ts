import { z } from 'zod';
import { MarketDateSchema, SymbolSchema } from './market';
import { ChatSessionIdSchema } from './chat';

/**
 * Broker screenshots: the image the renderer sends, what the reader extracts from it, and the
 * confirmed positions handed to the coach (issue 10).
 */

/** Largest image accepted, in bytes (the file, before base64). */
export const MAX_SCREENSHOT_BYTES = 10 * 1024 * 1024;
/** Base64 grows 4/3; the input string may not be longer than a 10 MB file's encoding. */
export const MAX_SCREENSHOT_BASE64_CHARS = Math.ceil(MAX_SCREENSHOT_BYTES / 3) * 4;
/** Sane pixel bounds: smaller cannot hold a readable table, larger is not a screen. */
export const SCREENSHOT_PIXELS = { minWidth: 200, minHeight: 80, maxWidth: 8000, maxHeight: 8000, maxPixels: 40_000_000 } as const;
/** Screenshots read per day unless the `screenshot.dailyLimit` setting says otherwise. */
export const DEFAULT_SCREENSHOT_DAILY_LIMIT = 5;
/** Most positions one screenshot may carry to the coach. */
export const MAX_SCREENSHOT_POSITIONS = 50;

export const SCREENSHOT_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const ScreenshotMimeTypeSchema = z.enum(SCREENSHOT_MIME_TYPES);
export type ScreenshotMimeType = z.infer<typeof ScreenshotMimeTypeSchema>;

/** How the image reached the app (logged and counted; the reading is the same). */
export const ScreenshotSourceSchema = z.enum(['drop', 'file', 'paste', 'capture']);
export type ScreenshotSource = z.infer<typeof ScreenshotSourceSchema>;

export const BROKERS = ['thinkorswim', 'ibkr', 'robinhood', 'webull', 'tastytrade', 'generic'] as const;
export const BrokerSchema = z.enum(BROKERS);
export type Broker = z.infer<typeof BrokerSchema>;

export const ExtractionMethodSchema = z.enum(['local_ocr', 'openai_vision']);
export type ExtractionMethod = z.infer<typeof ExtractionMethodSchema>;

/** The fields of a position the reader may be unsure of. */
export const POSITION_FIELDS = ['symbol', 'assetType', 'strike', 'expiry', 'quantity', 'side', 'avgPrice', 'mark', 'pnl'] as const;
export type PositionField = (typeof POSITION_FIELDS)[number];

const Confidence = z.number().min(0).max(1);
/** Below this a field is highlighted for the user to check. */
export const LOW_CONFIDENCE = 0.8;

/**
 * One position as the user confirms it: a stock or a single option leg. Quantity is positive
 * (contracts or shares); `side` carries the sign. Prices are per share (an option's premium as
 * quoted, not ×100); `pnl` is the open P&L in dollars as the broker shows it.
 */
export const ConfirmedPositionSchema = z
  .object({
    symbol: SymbolSchema,
    assetType: z.enum(['stock', 'call', 'put']),
    strike: z.number().positive().max(1_000_000).nullish(),
    expiry: MarketDateSchema.nullish(),
    quantity: z.number().positive().max(1_000_000),
    side: z.enum(['long', 'short']),
    avgPrice: z.number().min(0).max(1_000_000).nullish(),
    mark: z.number().min(0).max(1_000_000).nullish(),
    pnl: z.number().min(-1e9).max(1e9).nullish(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.assetType === 'stock') return;
    if (p.strike === null || p.strike === undefined) ctx.addIssue({ code: 'custom', path: ['strike'], message: `An option (${p.symbol} ${p.assetType}) needs a strike` });
    if (p.expiry === null || p.expiry === undefined) ctx.addIssue({ code: 'custom', path: ['expiry'], message: `An option (${p.symbol} ${p.assetType}) needs an expiry` });
  });
export type ConfirmedPosition = z.infer<typeof ConfirmedPositionSchema>;

/** A position as read from a screenshot: the fields (any may be missing or wrong), how sure the reader is of each, and the text it came from. */
export const ExtractedPositionSchema = z.object({
  symbol: z.string().max(20),
  assetType: z.enum(['stock', 'call', 'put']),
  strike: z.number().nullable(),
  expiry: z.string().nullable(),
  quantity: z.number(),
  side: z.enum(['long', 'short']),
  avgPrice: z.number().nullable(),
  mark: z.number().nullable(),
  pnl: z.number().nullable(),
  confidence: z.object({
    overall: Confidence,
    /** Per field; a field absent here was not read (and is null above). */
    fields: z.partialRecord(z.enum(POSITION_FIELDS), Confidence),
  }),
  /** The screenshot's text the row was read from. */
  rawText: z.string().max(500),
});
export type ExtractedPosition = z.infer<typeof ExtractedPositionSchema>;

export const ScreenshotExtractInputSchema = z
  .object({
    /** The image file, base64 (no `data:` prefix). */
    image: z
      .string()
      .min(1, 'The image is empty')
      .max(MAX_SCREENSHOT_BASE64_CHARS, `The image is larger than ${MAX_SCREENSHOT_BYTES / 1024 / 1024} MB`)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'The image must be base64'),
    /** What the renderer believes it is; the bytes decide (a PNG named .jpg is read as PNG). */
    mimeType: z.string().max(100).optional(),
    fileName: z.string().max(255).optional(),
    source: ScreenshotSourceSchema,
  })
  .strict();
export type ScreenshotExtractInput = z.input<typeof ScreenshotExtractInputSchema>;

/** How far a reading has come (streamed while OCR runs). */
export const ScreenshotProgressSchema = z.object({
  type: z.literal('progress'),
  stage: z.enum(['checking', 'preparing', 'loading_ocr', 'recognizing', 'parsing', 'vision']),
  /** 0..1 of the whole reading. */
  progress: Confidence,
  message: z.string(),
});
export type ScreenshotProgress = z.infer<typeof ScreenshotProgressSchema>;

export const ScreenshotQuotaSchema = z.object({
  /** New York date the count is for. */
  day: z.string(),
  used: z.number().int().min(0),
  limit: z.number().int().min(1),
  remaining: z.number().int().min(0),
});
export type ScreenshotQuota = z.infer<typeof ScreenshotQuotaSchema>;

export const ScreenshotExtractionSchema = z.object({
  id: z.string(),
  method: ExtractionMethodSchema,
  /** The layout the table was read as. */
  broker: BrokerSchema,
  positions: z.array(ExtractedPositionSchema),
  /** Mean of the positions' overall confidence (0 with none). */
  confidence: Confidence,
  rawText: z.string(),
  /** Said to the user: rows skipped, a fallback from vision to OCR, fields not found. */
  warnings: z.array(z.string()),
  image: z.object({ mimeType: ScreenshotMimeTypeSchema, width: z.number().int(), height: z.number().int(), bytes: z.number().int(), darkTheme: z.boolean() }),
  durationMs: z.number().min(0),
  quota: ScreenshotQuotaSchema,
});
export type ScreenshotExtraction = z.infer<typeof ScreenshotExtractionSchema>;

/** The user message `chat:screenshotContext` stores after the positions: the request for their analysis. */
export const SCREENSHOT_ANALYSIS_MESSAGE = 'Analyze the positions from my screenshot: risk, greeks, P&L and what to watch.';

/** Confirmed positions for the coach: stored in the session, then analysed in a streamed answer. */
export const ScreenshotContextInputSchema = z
  .object({
    /** Absent: a new session. */
    sessionId: ChatSessionIdSchema.shape.id.optional(),
    positions: z.array(ConfirmedPositionSchema).min(1, 'Confirm at least one position').max(MAX_SCREENSHOT_POSITIONS, `At most ${MAX_SCREENSHOT_POSITIONS} positions`),
    /** The reading the positions came from, if any (logged). */
    extractionId: z.string().max(80).optional(),
    broker: BrokerSchema.optional(),
  })
  .strict();
export type ScreenshotContextInput = z.input<typeof ScreenshotContextInputSchema>;

/** Screens and windows the desktop app can capture (none in web mode: the browser's own picker is used). */
export const CaptureSourceListSchema = z.object({
  supported: z.boolean(),
  sources: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['screen', 'window']), thumbnail: z.string() })),
});
export type CaptureSourceList = z.infer<typeof CaptureSourceListSchema>;

export const CaptureInputSchema = z.object({ sourceId: z.string().min(1).max(200) }).strict();
export const CapturedImageSchema = z.object({ image: z.string(), mimeType: z.literal('image/png'), width: z.number().int(), height: z.number().int() });
export type CapturedImage = z.infer<typeof CapturedImageSchema>;
