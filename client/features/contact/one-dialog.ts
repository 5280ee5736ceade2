/**
 * At most one contact dialog open on the page: opening one (under a suggestion, or in an organisation's details)
 * closes any other, so a keyboard or screen-reader user never has two forms open and loses track of which one sends.
 */
import { useEffect, useId } from "react";

const EVENT = "partnerkartan:contact-dialog-open";

/** Call with the dialog's open state; when it opens, the others close (without taking focus). */
export function useOneContactDialog(open: boolean, close: () => void): void {
  const id = useId();
  useEffect(() => {
    if (!open) return;
    window.dispatchEvent(new CustomEvent(EVENT, { detail: id }));
    const onOther = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== id) close();
    };
    window.addEventListener(EVENT, onOther);
    return () => window.removeEventListener(EVENT, onOther);
  }, [open, id, close]);
}
