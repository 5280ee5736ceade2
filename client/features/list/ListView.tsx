/**
 * The accessible list view: the visible nodes as a sortable table, synced with the graph's filters and selection.
 * It is a data grid (WAI-ARIA APG grid pattern): one Tab stop, the arrow keys move between cells, Home/End to the
 * row's ends, Ctrl+Home/Ctrl+End to the first/last row, Page Up/Down a screenful; Enter or Space opens the row's
 * details, as a click does. The header's sort buttons are cells of the grid's first row, reached with the arrows.
 */
import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { GraphNode } from "../../../shared/schema/graph";
import type { FacetIndex } from "../../state/graph-filter";
import type { Lang } from "../../state/url-state";
import { type GridCell, gridMove } from "./grid-keys";
import { ListRowView } from "./ListRowView";
import { COLUMNS, type Column, type ListRow } from "./list-row";
import "./list-view.css";

/** The first three of a list, then "+N", so a row stays one or two lines high. */
const abbreviate = (items: string[]) =>
  items.length > 3 ? `${items.slice(0, 3).join(", ")} +${items.length - 3}` : items.join(", ");

interface Props {
  index: FacetIndex;
  visible: Set<string>;
  lang: Lang;
  selected: string | undefined;
  onSelect: (key: string) => void;
}

/** Where the grid's one tab stop is: a row by node key, or HEADER, and a column. */
interface Active {
  key: string | undefined;
  column: number;
}
/** The header row's key (its data-key); a key not (or no longer) in the list means the first node's row. */
const HEADER = "";

/** The kind column: an organisation's kind, an event's kind and date ("Hackathon, 2018-09-02"), else the node kind. */
function kindText(node: GraphNode, t: (key: string) => string): string {
  if (node.kind === "organisation" && node.orgKind) return t(`orgKind.${node.orgKind}`);
  if (node.kind === "event" && node.eventKind)
    return node.startDate ? `${t(`eventKind.${node.eventKind}`)}, ${node.startDate}` : t(`eventKind.${node.eventKind}`);
  return t(`kind.${node.kind}`);
}

export function ListView({ index, visible, lang, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [sort, setSort] = useState<{ column: Column; ascending: boolean }>({ column: "links", ascending: false });
  const rows = useMemo<ListRow[]>(() => {
    const label = (key: string) => index.nodes.get(key)?.label[lang] ?? key;
    const list = [...visible].map((key) => {
      const node = index.nodes.get(key) as GraphNode;
      const facets = index.entities.get(key);
      return {
        node,
        name: node.label[lang],
        kind: kindText(node, t),
        regions: abbreviate((facets?.regions ?? []).map((r) => label(`region:${r}`))),
        topics: abbreviate((facets?.topics ?? []).map((x) => label(`topic:${x}`))),
        links: node.degree,
      };
    });
    const dir = sort.ascending ? 1 : -1;
    return list.sort((a, b) => {
      const x = a[sort.column];
      const y = b[sort.column];
      return (
        (typeof x === "number" ? x - (y as number) : String(x).localeCompare(String(y), lang)) * dir ||
        a.name.localeCompare(b.name, lang)
      );
    });
  }, [index, visible, lang, sort, t]);

  // Grid rows: 0 is the header, 1… the nodes. A row that was filtered away hands the tab stop to the first node.
  const rowOf = useMemo(() => new Map(rows.map((r, i) => [r.node.key, i + 1])), [rows]);
  const [active, setActive] = useState<Active>({ key: selected, column: 0 });
  const activeRow =
    active.key === HEADER
      ? 0
      : ((active.key === undefined ? undefined : rowOf.get(active.key)) ?? (rows.length > 0 ? 1 : 0));
  const keyAt = useCallback((row: number) => (row === 0 ? HEADER : rows[row - 1]?.node.key), [rows]);

  // A selection made elsewhere (graph, search, details) becomes where Tab enters the list.
  useEffect(() => {
    if (selected && rowOf.has(selected)) setActive((a) => (a.key === selected ? a : { key: selected, column: 0 }));
  }, [selected, rowOf]);

  // Opening the list with a node selected shows its row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the list opens, not on every selection
  useEffect(() => {
    if (selected)
      table.current?.querySelector(`tr[data-key="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: "center" });
  }, []);

  /** The element that takes focus in a cell: its button if it has one (header, name), else the cell itself. */
  const focusTarget = (row: number, column: number): HTMLElement | undefined => {
    const cell = table.current?.rows[row]?.cells[column];
    return cell ? (cell.querySelector<HTMLElement>("button") ?? cell) : undefined;
  };

  /** How many node rows fit in the scrolled area: Page Up/Down's step. */
  const pageSize = () => {
    const rowHeight = table.current?.tBodies[0]?.rows[0]?.getBoundingClientRect().height ?? 0;
    const height = scroller.current?.clientHeight ?? 0;
    return rowHeight > 0 ? Math.max(1, Math.floor(height / rowHeight) - 1) : 10;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const target = e.target as HTMLElement;
    // Moves start from the cell that has the focus (which is the tab stop, unless a selection moved it meanwhile).
    const cell = target.closest<HTMLTableCellElement>("th, td");
    const from: GridCell = {
      row: (cell?.parentElement as HTMLTableRowElement | null)?.rowIndex ?? activeRow,
      column: cell?.cellIndex ?? active.column,
    };
    if (e.key === "Enter" || e.key === " ") {
      // A button (sort, name) answers Enter and Space itself; any other cell opens its row's details.
      if (target.tagName === "BUTTON" || from.row === 0) return;
      const key = keyAt(from.row);
      if (key) onSelect(key);
      e.preventDefault();
      return;
    }
    const to = gridMove(e, from, { rows: rows.length + 1, columns: COLUMNS.length, page: pageSize() });
    if (!to) return;
    e.preventDefault();
    setActive({ key: keyAt(to.row), column: to.column });
    focusTarget(to.row, to.column)?.focus();
  };

  /** Focus landing in a cell (a click, or the browser's own focus moves) moves the tab stop there. */
  const onFocus = (e: FocusEvent<HTMLTableElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLTableCellElement>("th, td");
    const row = cell?.parentElement as HTMLTableRowElement | undefined;
    if (!cell || !row) return;
    const key = row.dataset.key ?? HEADER;
    setActive((a) => (a.key === key && a.column === cell.cellIndex ? a : { key, column: cell.cellIndex }));
  };

  /** A click anywhere on a node's row opens its details, as the name button does. */
  const onClick = (e: MouseEvent<HTMLTableElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest("button")) return;
    const key = target.closest<HTMLTableRowElement>("tbody tr")?.dataset.key;
    if (key) onSelect(key);
  };

  const header = (column: Column, i: number) => {
    const sorted = sort.column === column;
    return (
      <th key={column} scope="col" aria-sort={sorted ? (sort.ascending ? "ascending" : "descending") : "none"}>
        <button
          type="button"
          tabIndex={activeRow === 0 && active.column === i ? 0 : -1}
          onClick={() => setSort({ column, ascending: sorted ? !sort.ascending : column !== "links" })}
        >
          {t(`list.${column}`)}
          <span aria-hidden="true">{sorted ? (sort.ascending ? " ▲" : " ▼") : ""}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="list-view" ref={scroller}>
      <p className="list-hint" id={`${id}-hint`}>
        {t("listGrid.hint")}
      </p>
      {/* The grid role makes the table one composite widget (the APG data grid is a <table role="grid">); its keys are
          handled here and in gridMove. */}
      <table
        ref={table}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a data grid keeps the table's semantics
        role="grid"
        aria-labelledby={`${id}-caption`}
        aria-describedby={`${id}-hint`}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onClick={onClick}
      >
        <caption id={`${id}-caption`}>{t("list.caption", { count: rows.length })}</caption>
        <thead>
          <tr data-key={HEADER}>{COLUMNS.map(header)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <ListRowView
              key={r.node.key}
              row={r}
              activeColumn={activeRow === i + 1 ? active.column : -1}
              selected={r.node.key === selected}
              onSelect={onSelect}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
