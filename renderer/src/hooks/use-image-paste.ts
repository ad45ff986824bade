import { useEffect, useEffectEvent } from 'react';
import { pasteIsForScreenshot } from '../lib/screenshot-image';

function isTextField(target: HTMLElement | null): boolean {
  if (!target) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'file', 'submit'].includes(target.type));
}

/** An image pasted anywhere in the app that is not a text paste nor inside an open dialog (see `pasteIsForScreenshot`). */
export function useImagePaste(onImage: (file: File) => void): void {
  const take = useEffectEvent(onImage);
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const data = e.clipboardData;
      const image = Array.from(data?.files ?? []).find((f) => f.type.startsWith('image/'));
      if (!data || !image) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const paste = { intoTextField: isTextField(target), insideDialog: Boolean(target?.closest('dialog')), carriesText: data.types.includes('text/plain') };
      if (!pasteIsForScreenshot(paste)) return;
      e.preventDefault();
      take(image);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
