/**
 * Layout checks run inside the page: what sticks out sideways, which regions scroll, and whether two boxes overlap.
 * "Sticks out" means an element's right edge passes the viewport without an ancestor that scrolls or clips it
 * sideways inside the viewport (a wide table in its own scrolling box is fine; the page growing wider is not).
 */
import type { Locator, Page } from "playwright-core";

export interface Layout {
  /** documentElement.scrollWidth − innerWidth: above 0 the page scrolls sideways. */
  overflowX: number;
  /** Elements that reach past the right edge of the viewport, uncontained. */
  outside: string[];
  /** Regions that scroll vertically now, "document" for the page itself. */
  scrollers: string[];
  /** Scrolling regions outside the complementary panels (details, filters): the main content's scrollers. */
  mainScrollers: string[];
}

export function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const clipsSideways = (el: Element) => getComputedStyle(el).overflowX !== "visible";
    const outside: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right <= innerWidth + 1) continue;
      let contained = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (clipsSideways(a) && a.getBoundingClientRect().right <= innerWidth + 1) {
          contained = true;
          break;
        }
      }
      if (!contained) outside.push(`${name(el)} (right ${Math.round(r.right)})`);
    }
    const scrolling = [...document.body.querySelectorAll<HTMLElement>("*")].filter(
      (el) =>
        shown(el) && /(auto|scroll)/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1,
    );
    const documentScrolls = document.documentElement.scrollHeight > innerHeight + 1;
    const scrollers = [...(documentScrolls ? ["document"] : []), ...scrolling.map(name)];
    const mainScrollers = [
      ...(documentScrolls ? ["document"] : []),
      ...scrolling.filter((el) => !el.closest("aside, [role=complementary], dialog")).map(name),
    ];
    return {
      overflowX: document.documentElement.scrollWidth - innerWidth,
      outside: outside.slice(0, 10),
      scrollers,
      mainScrollers,
    };
  });
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes share any area (touching edges do not count). */
export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** The boxes of every visible element a locator matches. */
export async function boxesOf(locator: Locator): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const one of await locator.all()) {
    if (!(await one.isVisible())) continue;
    const box = await one.boundingBox();
    if (box) boxes.push(box);
  }
  return boxes;
}
