import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** Size in pixels of the panel this splitter resizes (the one before it). */
  value: number;
  min: number;
  max: number;
  /** Size to go back to on double-click. */
  defaultValue: number;
  label: string;
  /** id of the resized panel. */
  controls: string;
  /** Every change while dragging or pressing keys; cheap, for live layout. */
  onChange: (value: number) => void;
  /** The size to keep: at the end of a drag, on each key press, on reset. */
  onCommit: (value: number) => void;
}

const STEP = 16;
const BIG_STEP = 64;

interface Drag {
  pointerId: number;
  startX: number;
  startValue: number;
  last: number;
}

/**
 * A vertical window splitter (WAI-ARIA "separator" that can be focused): drag with a pointer, or
 * focus it and use the arrow keys (Shift for bigger steps), Home and End.
 */
export function Splitter({ value, min, max, defaultValue, label, controls, onChange, onCommit }: SplitterProps) {
  const drag = useRef<Drag | null>(null);
  const [dragging, setDragging] = useState(false);
  const clamp = (n: number) => Math.round(Math.min(max, Math.max(min, n)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    // No text selection or native drag while resizing; keep focus for the arrow keys afterwards.
    event.preventDefault();
    event.currentTarget.focus();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startValue: value, last: value };
    setDragging(true);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const next = clamp(current.startValue + event.clientX - current.startX);
    if (next === current.last) return;
    current.last = next;
    onChange(next);
  };

  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    setDragging(false);
    if (current.last !== current.startValue) onCommit(current.last);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next = { ArrowLeft: value - step, ArrowRight: value + step, Home: min, End: max }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const clamped = clamp(next);
    if (clamped === value) return;
    onChange(clamped);
    onCommit(clamped);
  };

  const onDoubleClick = () => {
    const reset = clamp(defaultValue);
    onChange(reset);
    onCommit(reset);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={dragging ? 'splitter splitter-dragging' : 'splitter'}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={onKeyDown}
      onDoubleClick={onDoubleClick}
    />
  );
}
