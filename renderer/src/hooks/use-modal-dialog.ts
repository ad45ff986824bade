import { useRef, type KeyboardEvent, type MouseEvent } from 'react';

/** What a modal <dialog> is given: spread it on the element (`<dialog {...dialog.props} …>`). */
interface ModalDialogProps {
  ref: (element: HTMLDialogElement | null) => void;
  onClose: () => void;
  onClick: (event: MouseEvent<HTMLDialogElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDialogElement>) => void;
}

/**
 * A native modal <dialog>, opened as soon as it mounts: it gives focus trapping, Escape and focus
 * return for free. A click on the backdrop closes it too, and its Escape stays its own (the chat's
 * window-wide Escape, which stops an answer, must not see it). `onClose` is told however it closed.
 */
export function useModalDialog(onClose: () => void): { props: ModalDialogProps; close: () => void } {
  const dialog = useRef<HTMLDialogElement | null>(null);
  const close = () => dialog.current?.close();
  const props: ModalDialogProps = {
    ref: (element) => {
      dialog.current = element;
      if (element && !element.open) element.showModal();
    },
    onClose,
    // A click on the backdrop lands on the <dialog> itself; clicks on its content land on children.
    onClick: (event) => {
      if (event.target === event.currentTarget) close();
    },
    onKeyDown: (event) => {
      if (event.key === 'Escape') event.stopPropagation();
    },
  };
  return { props, close };
}
