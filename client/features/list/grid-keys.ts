/**
 * Where a key moves the focus in a data grid, after the WAI-ARIA APG grid pattern: arrows one cell, Home/End to the
 * row's first/last cell, Ctrl+Home/Ctrl+End to the first/last row, Page Up/Down by a page of rows. Pure, so the
 * rules can be read (and tested) apart from the DOM.
 */
export interface GridCell {
  row: number;
  column: number;
}

export interface GridSize {
  /** Rows including the header row (row 0). */
  rows: number;
  columns: number;
  /** Rows per Page Up/Down. */
  page: number;
}

type Key = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey">;

/** The cell a key moves to (clamped to the grid; no wrapping), or undefined for a key the grid does not handle. */
export function gridMove(e: Key, from: GridCell, size: GridSize): GridCell | undefined {
  const lastRow = size.rows - 1;
  const lastColumn = size.columns - 1;
  const at = (row: number, column: number): GridCell => ({
    row: Math.min(lastRow, Math.max(0, row)),
    column: Math.min(lastColumn, Math.max(0, column)),
  });
  const jump = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case "ArrowUp":
      return at(from.row - 1, from.column);
    case "ArrowDown":
      return at(from.row + 1, from.column);
    case "ArrowLeft":
      return at(from.row, from.column - 1);
    case "ArrowRight":
      return at(from.row, from.column + 1);
    case "Home":
      return jump ? at(0, 0) : at(from.row, 0);
    case "End":
      return jump ? at(lastRow, lastColumn) : at(from.row, lastColumn);
    // Paging stays among the data rows: the header is one Arrow Up away from the first.
    case "PageUp":
      return at(from.row === 0 ? 0 : Math.max(1, from.row - size.page), from.column);
    case "PageDown":
      return at(from.row + size.page, from.column);
    default:
      return undefined;
  }
}
