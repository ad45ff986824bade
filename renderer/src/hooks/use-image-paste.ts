import { useEffect, useEffectEvent } from 'react';

/** Marks a text field that takes a pasted image as a screenshot (the chat composer) rather than leaving the paste to it. */
export const IMAGE_PASTE_ATTRIBUTE = 'data-image-paste';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'file', 'submit'].includes(target.type));
}

/**
 * An image pasted anywhere in the app: in the chat composer (marked with IMAGE_PASTE_ATTRIBUTE),
 * or where no text field wants the paste. A text field's paste that also carries text (copied
 * from a web page or a spreadsheet) stays a text paste.
 */
export function useImagePaste(onImage: (file: File) => void): void {
  const take = useEffectEvent(onImage);
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const data = e.clipboardData;
      const image = Array.from(data?.files ?? []).find((f) => f.type.startsWith('image/'));
      if (!data || !image) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const forScreenshots = Boolean(target?.closest(`[${IMAGE_PASTE_ATTRIBUTE}]`));
      if (isTextField(target) && !forScreenshots && data.types.includes('text/plain')) return;
      e.preventDefault();
      take(image);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
