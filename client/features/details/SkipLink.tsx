/**
 * A skip link that moves the focus without touching location.hash, so the shareable URL never gets "#details" in it.
 * It keeps a real href (a link is what people expect and what screen readers list) and cancels the navigation.
 */
import type { ReactNode } from "react";

interface Props {
  /** The id of the element to focus; it gets tabIndex -1 for the move if it is not focusable. */
  target: string | (() => HTMLElement | null | undefined);
  className?: string;
  children: ReactNode;
}

export function focusElement(element: HTMLElement | null | undefined): boolean {
  if (!element) return false;
  if (element.tabIndex < 0 && !element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
  element.focus();
  element.scrollIntoView?.({ block: "nearest" });
  return true;
}

export function SkipLink({ target, className = "skip-link", children }: Props) {
  const href = typeof target === "string" ? `#${target}` : "#";
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        event.preventDefault();
        focusElement(typeof target === "string" ? document.getElementById(target) : target());
      }}
    >
      {children}
    </a>
  );
}
