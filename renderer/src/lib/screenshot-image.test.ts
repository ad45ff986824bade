import { describe, expect, it } from 'vitest';
import { base64FromBytes, dragHasFiles, formatFileSize, imageFromCapture, imageFromFile, imageProblem, pasteIsForScreenshot, quotaText, screenshotMimeType } from './screenshot-image';

const MB = 1024 * 1024;

describe('imageProblem (checked before anything is sent)', () => {
  it('accepts PNG, JPEG and WebP up to 10 MB', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp']) expect(imageProblem({ type, size: 10 * MB })).toBeUndefined();
  });

  it('refuses anything that is not one of those images', () => {
    const message = 'This file is not an image the app can read: use a PNG, JPEG or WebP screenshot';
    expect(imageProblem({ type: 'text/plain', size: 120, name: 'positions.txt' })).toBe(message);
    expect(imageProblem({ type: 'image/gif', size: 120, name: 'a.gif' })).toBe(message);
    expect(imageProblem({ type: 'application/pdf', size: 120, name: 'statement.png' })).toBe(message);
    expect(imageProblem({ type: '', size: 120, name: 'notes' })).toBe(message);
  });

  it('says how large an image over the limit is, to one decimal', () => {
    expect(imageProblem({ type: 'image/png', size: 30 * MB })).toBe('The image is 30.0 MB; the limit is 10 MB');
    expect(imageProblem({ type: 'image/jpeg', size: 10 * MB + 1 })).toBe('The image is 10.0 MB; the limit is 10 MB');
    expect(imageProblem({ type: 'image/png', size: 12.46 * MB })).toBe('The image is 12.5 MB; the limit is 10 MB');
  });

  it('refuses an empty file', () => {
    expect(imageProblem({ type: 'image/png', size: 0 })).toBe('The image is empty');
  });

  it("takes the extension's type when the system gave the file none", () => {
    expect(screenshotMimeType({ type: '', size: 1, name: 'TOS.PNG' })).toBe('image/png');
    expect(screenshotMimeType({ type: '', size: 1, name: 'ib.jpg' })).toBe('image/jpeg');
    expect(screenshotMimeType({ type: '', size: 1, name: 'rh.webp' })).toBe('image/webp');
  });
});

describe('reading the image for sending', () => {
  it('encodes base64 like Node does, also past one chunk of 32 KiB', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 31 + 7) % 256);
    // The reference: the browser's own encoder, one byte at a time (slow, but independent of the chunking).
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    expect(base64FromBytes(bytes)).toBe(btoa(binary));
  });

  it('sends the bytes without a data: prefix and previews them as a data: URL', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const file = new File([bytes], 'tos.png', { type: 'image/png' });
    const image = await imageFromFile(file, 'drop');
    expect(image).toEqual({ base64: 'iVBORwECAw==', mimeType: 'image/png', fileName: 'tos.png', source: 'drop', bytes: 7, previewUrl: 'data:image/png;base64,iVBORwECAw==' });
  });

  it('counts the bytes of a captured PNG from its base64', () => {
    const image = imageFromCapture({ image: btoa('\x01\x02\x03\x04\x05'), mimeType: 'image/png', width: 300, height: 200 }, 'Screen 1');
    expect(image).toMatchObject({ bytes: 5, fileName: 'Screen 1.png', source: 'capture', mimeType: 'image/png' });
  });
});

describe('pasteIsForScreenshot', () => {
  const paste = { intoTextField: false, insideDialog: false, carriesText: false };

  it('reads a screenshot pasted anywhere, the chat composer included', () => {
    expect(pasteIsForScreenshot(paste)).toBe(true);
    expect(pasteIsForScreenshot({ ...paste, intoTextField: true })).toBe(true);
    expect(pasteIsForScreenshot({ ...paste, carriesText: true })).toBe(true);
  });

  it('leaves spreadsheet cells (text with a picture of them) to the text field they are pasted into', () => {
    expect(pasteIsForScreenshot({ ...paste, intoTextField: true, carriesText: true })).toBe(false);
  });

  it('leaves a paste inside an open dialog to it: the table being confirmed is not replaced', () => {
    expect(pasteIsForScreenshot({ ...paste, insideDialog: true })).toBe(false);
    expect(pasteIsForScreenshot({ ...paste, insideDialog: true, intoTextField: true })).toBe(false);
  });
});

describe('small helpers', () => {
  it('tells a drag of files from a drag of text', () => {
    expect(dragHasFiles(['Files'])).toBe(true);
    expect(dragHasFiles(['text/plain', 'text/uri-list'])).toBe(false);
    expect(dragHasFiles(undefined)).toBe(false);
  });

  it('gives small files in KB and large ones in MB', () => {
    expect(formatFileSize(300)).toBe('1 KB');
    expect(formatFileSize(48_900)).toBe('48 KB');
    expect(formatFileSize(2.44 * MB)).toBe('2.4 MB');
  });

  it('words the quota', () => {
    expect(quotaText({ day: '2025-06-02', used: 2, limit: 5, remaining: 3 })).toBe('2 of 5 screenshots read today');
    expect(quotaText({ day: '2025-06-02', used: 0, limit: 1, remaining: 1 })).toBe('0 of 1 screenshot read today');
  });
});
