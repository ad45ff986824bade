import { useEffect, useEffectEvent, useState } from 'react';

/** The handlers that hold a toast while the pointer or the focus is on it: spread them on its element. */
interface HoldHandlers {
  onMouseEnter: () => void;
  onMouseLeave: () => void;
  onFocus: () => void;
  onBlur: () => void;
}

/** A toast that leaves by itself after `ms`, the countdown paused (and started again) while it is held. */
export function useAutoDismiss(ms: number, onDismiss: () => void): HoldHandlers {
  const [held, setHeld] = useState(false);
  const dismiss = useEffectEvent(onDismiss);
  useEffect(() => {
    if (held) return undefined;
    const timer = setTimeout(() => dismiss(), ms);
    return () => clearTimeout(timer);
  }, [held, ms]);
  return { onMouseEnter: () => setHeld(true), onMouseLeave: () => setHeld(false), onFocus: () => setHeld(true), onBlur: () => setHeld(false) };
}
