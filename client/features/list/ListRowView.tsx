/**
 * One node's row in the list grid. Memoised, so moving the focus re-renders the two rows whose tab stop changed, not
 * the whole list (thousands of rows on a large graph).
 */
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { KIND_STYLES } from "../../graph-view/kind-style";
import type { ListRow } from "./list-row";

interface Props {
  row: ListRow;
  /** The column holding the grid's tab stop when it is in this row, else -1. */
  activeColumn: number;
  selected: boolean;
  onSelect: (key: string) => void;
}

export const ListRowView = memo(function ListRowView({ row, activeColumn, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const stop = (column: number) => (activeColumn === column ? 0 : -1);
  const style = KIND_STYLES[row.node.kind];
  return (
    <tr data-key={row.node.key} className={selected ? "selected" : undefined} aria-selected={selected}>
      <th scope="row">
        <button type="button" className="link-button" tabIndex={stop(0)} onClick={() => onSelect(row.node.key)}>
          <svg viewBox="0 0 20 20" width="12" height="12" aria-hidden="true">
            <path d={style.svgPath} fill={style.color} />
          </svg>
          {row.name}
        </button>
      </th>
      <td tabIndex={stop(1)}>{row.kind}</td>
      {/* data-label names the value when a narrow list shows each row as a card, without its column header. */}
      <td tabIndex={stop(2)} data-label={t("list.regions")}>
        {row.regions}
      </td>
      <td tabIndex={stop(3)} data-label={t("list.topics")}>
        {row.topics}
      </td>
      <td tabIndex={stop(4)} className="number" data-label={t("list.links")}>
        {row.links}
      </td>
    </tr>
  );
});
