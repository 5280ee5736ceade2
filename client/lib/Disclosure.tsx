/**
 * A button that shows and hides a panel under it: a disclosure, not an ARIA menu (the panel holds plain controls and
 * links, reachable with Tab). Escape closes it and returns focus to the button; focus leaving it closes it too. The
 * toolbar's settings and the export menu are both one.
 */
import { type FocusEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";

interface Props {
  /** The container's class; the panel gets `${className}-panel`. */
  className: string;
  /** What the button says. */
  label: ReactNode;
  /** The id of a heading inside the panel: the panel is then a section labelled by it. */
  headingId?: string;
  /** The panel's content; `close` shuts it and returns focus to the button (for a close button inside it). */
  children: (close: () => void) => ReactNode;
}

export function Disclosure({ className, label, headingId, children }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      close(true);
    }
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) close(false);
  };
  const content = children(() => close(true));
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the container only listens for Escape and focus leaving; its button and the panel's controls are the controls
    <div className={className} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
      </button>
      {headingId ? (
        <section id={panelId} className={`${className}-panel`} aria-labelledby={headingId} hidden={!open}>
          {content}
        </section>
      ) : (
        <div id={panelId} className={`${className}-panel`} hidden={!open}>
          {content}
        </div>
      )}
    </div>
  );
}
