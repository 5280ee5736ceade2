/**
 * The tile map: one equal button per län, so Stockholm and Gotland are as visible as Norrbotten. Each tile shows the
 * län's short name and its number (projects + organisations), coloured by gap class, dashed when nothing is there.
 */
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { RegionCoverage } from "../../../shared/schema/coverage";
import type { Lang } from "../../state/url-state";
import { formats, tileNameParts } from "./format";
import { gapClass } from "./gap-class";
import { TILE_COLUMNS, TILE_POSITIONS, TILE_ROWS } from "./tile-layout";

interface Props {
  regions: RegionCoverage[];
  lang: Lang;
  selected: string | undefined;
  onSelect: (code: string) => void;
}

export function TileGrid({ regions, lang, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const f = formats(lang);
  // A län the layout does not know (none today) gets a tile on an extra row rather than disappearing.
  let extra = 0;
  return (
    <ul
      className="coverage-tiles"
      aria-label={t("coverage.tiles.label")}
      style={{
        gridTemplateColumns: `repeat(${TILE_COLUMNS}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${TILE_ROWS}, auto)`,
      }}
    >
      {regions.map((r) => {
        const [column, row] = TILE_POSITIONS[r.code] ?? [
          extra % TILE_COLUMNS,
          TILE_ROWS + Math.floor(extra++ / TILE_COLUMNS),
        ];
        const cls = gapClass(r.gap);
        const status = t(`coverage.class.${cls}`);
        return (
          <li key={r.code} style={{ gridColumn: column + 1, gridRow: row + 1 }}>
            <button
              type="button"
              className={`coverage-tile gap-${cls}`}
              aria-pressed={selected === r.code}
              title={`${r.name[lang]}: ${f.integer(r.activity)} ${t("coverage.tiles.suffix", { status, count: r.activity })}`}
              data-region={r.code}
              onClick={() => onSelect(r.code)}
            >
              {/* Wrapped at a word's seam, never cut off: "Väster" / "norrland" on a phone. */}
              <span className="tile-name">
                {tileNameParts(r.name, lang).map((part, i) => (
                  <Fragment key={part}>
                    {i > 0 && <wbr />}
                    {part}
                  </Fragment>
                ))}
              </span>{" "}
              <span className="tile-number">{f.integer(r.activity)}</span>{" "}
              <span className="visually-hidden">{t("coverage.tiles.suffix", { status, count: r.activity })}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
