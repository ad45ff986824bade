import {
  MAX_SCREENSHOT_BYTES,
  SCREENSHOT_MIME_TYPES,
  type CapturedImage,
  type ScreenshotMimeType,
  type ScreenshotQuota,
  type ScreenshotSource,
} from '../../../shared/schemas/screenshot';

/** An image ready to be read: what `screenshot:extract` is sent, and what the dialog previews. */
export interface ScreenshotImage {
  /** The file's bytes, base64 without a `data:` prefix. */
  base64: string;
  mimeType: ScreenshotMimeType;
  fileName?: string;
  source: ScreenshotSource;
  bytes: number;
  /** A `data:` URL of the same bytes (the CSP allows data: images; nothing to revoke). */
  previewUrl: string;
}

/** What the app can tell about a file before reading it (a File, or a Blob from the clipboard or a canvas). */
export interface FileLike {
  type: string;
  size: number;
  name?: string;
}

const EXTENSION_TYPES: Record<string, ScreenshotMimeType> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };

/** The image type of a file: its MIME type, or (some systems give dropped files none) its extension's. */
export function screenshotMimeType(file: FileLike): ScreenshotMimeType | undefined {
  const type = file.type.toLowerCase();
  if ((SCREENSHOT_MIME_TYPES as readonly string[]).includes(type)) return type as ScreenshotMimeType;
  if (type !== '') return undefined;
  const extension = file.name?.split('.').pop()?.toLowerCase();
  return extension ? EXTENSION_TYPES[extension] : undefined;
}

/** "30.0 MB": megabytes as the limit is stated (1 MB = 1024 × 1024 bytes). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Why a file cannot be sent for reading, checked before anything leaves the page: not an image
 * the reader takes, or over the size limit. Undefined when it may be sent (the server checks again,
 * and also reads the bytes: a corrupt PNG is refused there).
 */
export function imageProblem(file: FileLike): string | undefined {
  if (!screenshotMimeType(file)) return 'This file is not an image the app can read: use a PNG, JPEG or WebP screenshot';
  if (file.size === 0) return 'The image is empty';
  if (file.size > MAX_SCREENSHOT_BYTES) return `The image is ${formatMegabytes(file.size)}; the limit is ${MAX_SCREENSHOT_BYTES / 1024 / 1024} MB`;
  return undefined;
}

/** A file's size as shown beside its preview: "48 KB", "2.4 MB". */
export function formatFileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : formatMegabytes(bytes);
}

/** Base64 of bytes, in chunks (a 10 MB image as one argument list would overflow the stack). */
export function base64FromBytes(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** A file that passed `imageProblem`, read into memory for sending. */
export async function imageFromFile(file: Blob & FileLike, source: ScreenshotSource): Promise<ScreenshotImage> {
  const mimeType = screenshotMimeType(file);
  if (!mimeType) throw new Error('imageFromFile: check the file with imageProblem first');
  const base64 = base64FromBytes(new Uint8Array(await file.arrayBuffer()));
  return { base64, mimeType, fileName: file.name || undefined, source, bytes: file.size, previewUrl: `data:${mimeType};base64,${base64}` };
}

/** A PNG the desktop app captured (already base64). */
export function imageFromCapture(captured: CapturedImage, name: string): ScreenshotImage {
  const bytes = Math.floor((captured.image.length * 3) / 4) - (captured.image.match(/=+$/)?.[0].length ?? 0);
  return { base64: captured.image, mimeType: 'image/png', fileName: `${name}.png`, source: 'capture', bytes, previewUrl: `data:image/png;base64,${captured.image}` };
}

/** Whether a drag carries files (text or a link dragged around the page is left alone). */
export function dragHasFiles(types: readonly string[] | DOMStringList | undefined): boolean {
  return types !== undefined && Array.from(types).includes('Files');
}

/** Where a paste that carries an image lands, and whether it also carries text. */
export interface ImagePaste {
  intoTextField: boolean;
  insideDialog: boolean;
  carriesText: boolean;
}

/**
 * Whether a paste carrying an image is a screenshot to read. Not inside an open dialog (a paste
 * into the confirmation table must not replace the table being checked), nor a text field's
 * paste that also has text: cells copied from a spreadsheet or a page carry a picture of
 * themselves too, and the user wants the text (a screenshot tool copies the image alone).
 */
export function pasteIsForScreenshot({ intoTextField, insideDialog, carriesText }: ImagePaste): boolean {
  if (insideDialog) return false;
  return !(intoTextField && carriesText);
}

/** "2 of 5 screenshots read today". */
export function quotaText(quota: ScreenshotQuota): string {
  return `${quota.used} of ${quota.limit} screenshot${quota.limit === 1 ? '' : 's'} read today`;
}
