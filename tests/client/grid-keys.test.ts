/** Pins the list grid's keys (WAI-ARIA APG grid pattern): moves clamp at the edges, paging stays among the data rows. */
import { describe, expect, it } from "vitest";
import { gridMove } from "../../client/features/list/grid-keys";

const size = { rows: 31, columns: 5, page: 10 }; // a header row and 30 data rows
const key = (k: string, ctrlKey = false) => ({ key: k, ctrlKey, metaKey: false });

describe("list grid keys", () => {
  it("moves one cell with the arrows and stops at the edges", () => {
    expect(gridMove(key("ArrowDown"), { row: 1, column: 2 }, size)).toEqual({ row: 2, column: 2 });
    expect(gridMove(key("ArrowUp"), { row: 1, column: 2 }, size)).toEqual({ row: 0, column: 2 });
    expect(gridMove(key("ArrowUp"), { row: 0, column: 2 }, size)).toEqual({ row: 0, column: 2 });
    expect(gridMove(key("ArrowDown"), { row: 30, column: 2 }, size)).toEqual({ row: 30, column: 2 });
    expect(gridMove(key("ArrowLeft"), { row: 3, column: 0 }, size)).toEqual({ row: 3, column: 0 });
    expect(gridMove(key("ArrowRight"), { row: 3, column: 4 }, size)).toEqual({ row: 3, column: 4 });
  });

  it("goes to the row's ends with Home/End, and to the grid's corners with Ctrl", () => {
    expect(gridMove(key("Home"), { row: 7, column: 3 }, size)).toEqual({ row: 7, column: 0 });
    expect(gridMove(key("End"), { row: 7, column: 1 }, size)).toEqual({ row: 7, column: 4 });
    expect(gridMove(key("Home", true), { row: 7, column: 3 }, size)).toEqual({ row: 0, column: 0 });
    expect(gridMove(key("End", true), { row: 7, column: 1 }, size)).toEqual({ row: 30, column: 4 });
    expect(gridMove({ key: "End", ctrlKey: false, metaKey: true }, { row: 7, column: 1 }, size)).toEqual({
      row: 30,
      column: 4,
    });
  });

  it("pages by the given number of rows, never onto the header row", () => {
    expect(gridMove(key("PageDown"), { row: 1, column: 1 }, size)).toEqual({ row: 11, column: 1 });
    expect(gridMove(key("PageDown"), { row: 25, column: 1 }, size)).toEqual({ row: 30, column: 1 });
    expect(gridMove(key("PageDown"), { row: 0, column: 1 }, size)).toEqual({ row: 10, column: 1 });
    expect(gridMove(key("PageUp"), { row: 15, column: 1 }, size)).toEqual({ row: 5, column: 1 });
    expect(gridMove(key("PageUp"), { row: 5, column: 1 }, size)).toEqual({ row: 1, column: 1 });
    expect(gridMove(key("PageUp"), { row: 0, column: 1 }, size)).toEqual({ row: 0, column: 1 });
  });

  it("leaves other keys to the browser", () => {
    for (const k of ["Enter", " ", "Tab", "a"]) expect(gridMove(key(k), { row: 1, column: 1 }, size)).toBeUndefined();
  });

  it("stays in the header when the list is empty", () => {
    expect(gridMove(key("ArrowDown"), { row: 0, column: 0 }, { rows: 1, columns: 5, page: 10 })).toEqual({
      row: 0,
      column: 0,
    });
  });
});
