import { describe, expect, it } from 'vitest';
import { settingSchemas } from '../../shared/schemas/settings';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  findHostDisplay,
  restoreWindowPlacement,
  sameWindowBounds,
  toSavedWindowBounds,
  type Rect,
} from './window-state';

// A 1920x1080 primary with a 40px taskbar at the bottom, and a 2560x1440 display to its right.
const PRIMARY: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const BOTH = [PRIMARY, RIGHT];

describe('restoreWindowPlacement', () => {
  it('centers the default size on the primary display the first time', () => {
    expect(restoreWindowPlacement(undefined, BOTH, PRIMARY)).toEqual({
      x: (1920 - DEFAULT_WINDOW_SIZE.width) / 2,
      y: (1040 - DEFAULT_WINDOW_SIZE.height) / 2,
      ...DEFAULT_WINDOW_SIZE,
      maximized: false,
    });
  });

  it('shrinks the default to a small screen instead of overflowing it', () => {
    const laptop: Rect = { x: 0, y: 0, width: 1280, height: 760 };
    expect(restoreWindowPlacement(undefined, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1280, height: 760, maximized: false });
  });

  it('reopens a window exactly where it was when it is fully visible', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 800, maximized: false };
    expect(restoreWindowPlacement(saved, BOTH, PRIMARY)).toEqual(saved);
  });

  it('keeps the maximized flag', () => {
    const saved = { x: 100, y: 100, width: 1200, height: 800, maximized: true };
    expect(restoreWindowPlacement(saved, BOTH, PRIMARY).maximized).toBe(true);
  });

  it('pulls a window that sticks out of its display back inside the work area', () => {
    const saved = { x: 1300, y: -50, width: 1000, height: 700, maximized: false };
    // Mostly on the primary (380px of it on the right display): pushed left, and down to y=0.
    expect(restoreWindowPlacement(saved, BOTH, PRIMARY)).toEqual({ x: 920, y: 0, width: 1000, height: 700, maximized: false });
  });

  it('brings back a window left below the taskbar', () => {
    const saved = { x: 200, y: 1000, width: 1000, height: 700, maximized: false };
    expect(restoreWindowPlacement(saved, [PRIMARY], PRIMARY)).toMatchObject({ x: 200, y: 340 });
  });

  it('centers the window on the primary display when its display was unplugged', () => {
    const saved = { x: 2500, y: 200, width: 1600, height: 1000, maximized: false };
    expect(restoreWindowPlacement(saved, [PRIMARY], PRIMARY)).toEqual({ x: 160, y: 20, width: 1600, height: 1000, maximized: false });
  });

  it('treats a window with only a sliver on screen as off-screen', () => {
    const saved = { x: 1900, y: 100, width: 1200, height: 800, maximized: false }; // 20px visible
    expect(restoreWindowPlacement(saved, [PRIMARY], PRIMARY)).toEqual({ x: 360, y: 120, width: 1200, height: 800, maximized: false });
  });

  it('fits a window saved on a big display into the smaller one it comes back on', () => {
    const saved = { x: -100, y: 0, width: 2500, height: 1400, maximized: false };
    expect(restoreWindowPlacement(saved, [PRIMARY], PRIMARY)).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
  });

  it('raises a window below the minimum size to the minimum', () => {
    const saved = { x: 100, y: 100, width: 400, height: 300, maximized: false };
    expect(restoreWindowPlacement(saved, [PRIMARY], PRIMARY)).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('works with displays at negative coordinates (a monitor left of the primary)', () => {
    const left: Rect = { x: -1280, y: 0, width: 1280, height: 1024 };
    const saved = { x: -1200, y: 50, width: 1000, height: 700, maximized: false };
    expect(restoreWindowPlacement(saved, [PRIMARY, left], PRIMARY)).toEqual(saved);
  });
});

describe('findHostDisplay', () => {
  it('picks the display holding most of a window that spans two', () => {
    expect(findHostDisplay({ x: 1800, y: 0, width: 1000, height: 700 }, BOTH)).toBe(RIGHT);
    expect(findHostDisplay({ x: 1200, y: 0, width: 1000, height: 700 }, BOTH)).toBe(PRIMARY);
  });

  it('finds none for a window off every display', () => {
    expect(findHostDisplay({ x: 5000, y: 5000, width: 800, height: 600 }, BOTH)).toBeUndefined();
    expect(findHostDisplay({ x: 0, y: 0, width: 800, height: 600 }, [])).toBeUndefined();
  });
});

describe('toSavedWindowBounds', () => {
  it('rounds fractional DIPs (scaled displays) and always satisfies the setting schema', () => {
    const value = toSavedWindowBounds({ x: 10.4, y: -3.6, width: 120.2, height: 99999 }, true);
    expect(value).toEqual({ x: 10, y: -4, width: 400, height: 20000, maximized: true });
    expect(settingSchemas['window.bounds'].safeParse(value).success).toBe(true);
  });
});

describe('sameWindowBounds', () => {
  const a = { x: 1, y: 2, width: 800, height: 600, maximized: false };
  it('compares every field', () => {
    expect(sameWindowBounds(a, { ...a })).toBe(true);
    expect(sameWindowBounds(a, { ...a, maximized: true })).toBe(false);
    expect(sameWindowBounds(a, { ...a, x: 2 })).toBe(false);
    expect(sameWindowBounds(a, undefined)).toBe(false);
    expect(sameWindowBounds(undefined, undefined)).toBe(true);
  });
});
