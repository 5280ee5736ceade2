/**
 * The map of Sweden: the Natural Earth outline drawn with d3-geo, and one circle per län at its seat, its area
 * proportional to the län's projects + organisations, its colour the gap class, its number beside or inside it.
 * Pointer users click a circle; keyboard and screen-reader users have the tile map and the table, which say the same.
 */
import { geoPath, geoTransverseMercator } from "d3-geo";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { RegionCoverage } from "../../../shared/schema/coverage";
import type { Lang } from "../../state/url-state";
import { formats } from "./format";
import { gapClass } from "./gap-class";
import { useSwedenOutline } from "./use-sweden-outline";

const WIDTH = 260;
const HEIGHT = 540;
const PAD = 10;
const MIN_RADIUS = 5;
const MAX_RADIUS = 20;
const HIT_RADIUS = 12;
/**
 * Sweden's extreme points (west coast, Haparanda, Smygehuk, Treriksröset): the map is fitted to them, so the symbols
 * stand in the same place before (or without) the outline.
 */
const SWEDEN_EXTREMES = {
  type: "MultiPoint" as const,
  coordinates: [
    [10.95, 58.9],
    [24.17, 65.83],
    [13.36, 55.34],
    [20.55, 69.06],
  ],
};

interface Props {
  regions: RegionCoverage[];
  lang: Lang;
  selected: string | undefined;
  onSelect: (code: string) => void;
}

export function SwedenMap({ regions, lang, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const outline = useSwedenOutline();
  const f = formats(lang);
  const projection = useMemo(
    () =>
      geoTransverseMercator()
        .rotate([-17, 0])
        .fitExtent(
          [
            [PAD, PAD],
            [WIDTH - PAD, HEIGHT - PAD],
          ],
          SWEDEN_EXTREMES,
        ),
    [],
  );
  const path = geoPath(projection);
  const max = Math.max(1, ...regions.map((r) => r.activity));
  const symbols = regions
    .map((r) => {
      const [x, y] = projection([r.seatCoordinates.lon, r.seatCoordinates.lat]) ?? [0, 0];
      const radius =
        r.activity === 0 ? MIN_RADIUS : MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(r.activity / max);
      return { r, x, y, radius, cls: gapClass(r.gap) };
    })
    // Large circles first, so the small ones in between stay clickable on top.
    .sort((a, b) => b.radius - a.radius);

  return (
    <figure className="coverage-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t("coverage.map.label")}>
        <rect width={WIDTH} height={HEIGHT} className="map-sea" />
        {outline.data?.context.map((c) => (
          <path key={String(c.id)} d={path(c) ?? undefined} className="map-context" />
        ))}
        {outline.data && <path d={path(outline.data.sweden) ?? undefined} className="map-sweden" />}
        {symbols.map(({ r, x, y, radius, cls }) => {
          const inside = radius >= 11;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the tile buttons are the keyboard path
            <g
              key={r.code}
              className={`map-symbol gap-${cls}${selected === r.code ? " selected" : ""}`}
              data-region={r.code}
              onClick={() => onSelect(r.code)}
            >
              <title>{`${r.name[lang]}: ${f.integer(r.activity)}`}</title>
              {/* A generous, invisible target around the circle and its number: small circles stay easy to hit. */}
              <circle cx={x} cy={y} r={Math.max(radius, HIT_RADIUS)} className="map-hit" />
              <circle className="map-disc" cx={x} cy={y} r={radius} />
              {selected === r.code && <circle cx={x} cy={y} r={radius + 4} className="map-selected-ring" />}
              <text
                x={inside ? x : x + radius + 3}
                y={y + 4}
                textAnchor={inside ? "middle" : "start"}
                className="map-number"
              >
                {f.integer(r.activity)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {outline.isLoading && <span>{t("coverage.map.loading")} </span>}
        {outline.isError && <span role="status">{t("coverage.map.outlineError")} </span>}
        <span className="map-attribution">{t("coverage.map.attribution")}</span>
      </figcaption>
    </figure>
  );
}
