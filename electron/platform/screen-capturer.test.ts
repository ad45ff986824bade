import { afterEach, describe, expect, it } from 'vitest';
import { desktopCapturer, screen } from './fake-electron';
import { ElectronScreenCapturer, THUMBNAIL_SIZE } from './screen-capturer';

const capturer = () => new ElectronScreenCapturer({ desktopCapturer, screen });

afterEach(() => {
  desktopCapturer.sources = [];
  desktopCapturer.requests = [];
  screen.displays = [{ size: { width: 1920, height: 1080 }, scaleFactor: 1 }];
});

describe('ElectronScreenCapturer', () => {
  it('lists screens and windows with small thumbnails as data: URLs', async () => {
    desktopCapturer.sources = [
      { id: 'screen:0:0', name: 'Entire screen' },
      { id: 'window:4242:0', name: 'thinkorswim' },
    ];
    const sources = await capturer().sources();
    expect(desktopCapturer.requests).toEqual([{ types: ['screen', 'window'], thumbnailSize: { width: 320, height: 200 } }]);
    expect(sources).toEqual([
      { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: `data:image/png;base64,${Buffer.from('png 320x200').toString('base64')}` },
      { id: 'window:4242:0', name: 'thinkorswim', kind: 'window', thumbnail: `data:image/png;base64,${Buffer.from('png 320x200').toString('base64')}` },
    ]);
    expect(THUMBNAIL_SIZE).toEqual({ width: 320, height: 200 });
  });

  it('captures the chosen source at the largest display in device pixels, as PNG base64', async () => {
    desktopCapturer.sources = [
      { id: 'screen:0:0', name: 'Entire screen' },
      { id: 'window:4242:0', name: 'thinkorswim' },
    ];
    // A 1440×900 display at 2× (2880×1800 device pixels) beside a 1920×1080 one at 1×.
    screen.displays = [
      { size: { width: 1920, height: 1080 }, scaleFactor: 1 },
      { size: { width: 1440, height: 900 }, scaleFactor: 2 },
    ];
    const captured = await capturer().capture('window:4242:0');
    expect(desktopCapturer.requests).toEqual([{ types: ['window'], thumbnailSize: { width: 2880, height: 1800 } }]);
    expect(captured).toEqual({ image: Buffer.from('png 2880x1800').toString('base64'), mimeType: 'image/png', width: 2880, height: 1800 });
  });

  it('says a source that went away is not found', async () => {
    desktopCapturer.sources = [{ id: 'screen:0:0', name: 'Entire screen' }];
    await expect(capturer().capture('window:1:0')).rejects.toMatchObject({ code: 'not_found', message: 'That screen or window is no longer there; pick another one' });
  });

  it('says why when the system gives an empty image (no screen-recording permission)', async () => {
    desktopCapturer.sources = [{ id: 'screen:0:0', name: 'Entire screen', blocked: true }];
    await expect(capturer().capture('screen:0:0')).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('allow Screen Recording') });
  });
});
