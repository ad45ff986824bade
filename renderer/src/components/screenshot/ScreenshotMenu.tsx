import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SCREENSHOT_MIME_TYPES } from '../../../../shared/schemas/screenshot';
import { useScreenshot } from '../../hooks/use-screenshot';
import { QuotaNote } from './QuotaNote';

/**
 * The chat's "Read positions from a screenshot" button: a small menu to choose an image file or
 * capture a screen (dropping or pasting an image works anywhere without it), with today's quota.
 */
export function ScreenshotMenu() {
  const flow = useScreenshot();
  const [open, setOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const { refreshQuota } = flow;

  useEffect(() => {
    if (!open) return undefined;
    refreshQuota();
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open, refreshQuota]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      root.current?.querySelector<HTMLElement>('[aria-haspopup]')?.focus();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && open) {
      e.preventDefault();
      const items = Array.from(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
      const at = items.indexOf(document.activeElement as HTMLElement);
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <div className="screenshot-menu" ref={root} onKeyDown={onKeyDown}>
      <button type="button" className="link-button" aria-haspopup="menu" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        Read positions from a screenshot
      </button>
      {open && (
        <div className="screenshot-menu-popup">
          <div id={menuId} role="menu" className="screenshot-menu-list" aria-label="Read positions from a screenshot">
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => {
              setOpen(false);
              fileInput.current?.click();
            }}
          >
            Choose file…
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => {
              setOpen(false);
              flow.capture();
            }}
          >
            Capture screen…
          </button>
          </div>
          <p className="screenshot-menu-note">
            {flow.quota ? <QuotaNote quota={flow.quota} /> : null}
            <span>Or drop or paste an image anywhere in the app.</span>
          </p>
        </div>
      )}
      <input
        ref={fileInput}
        type="file"
        accept={SCREENSHOT_MIME_TYPES.join(',')}
        hidden
        aria-label="Screenshot file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) flow.openFile(file, 'file');
        }}
      />
    </div>
  );
}
