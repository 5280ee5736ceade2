/**
 * Sweden's outline (and its neighbours', for context) from Natural Earth via world-atlas, loaded only when the map
 * is shown: the TopoJSON is a separate static file fetched once, not part of the app bundle.
 */
import { useQuery } from "@tanstack/react-query";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import worldUrl from "world-atlas/countries-50m.json?url";

/** ISO 3166-1 numeric codes, as world-atlas keys its countries. */
export const SWEDEN_ID = "752";
const CONTEXT_IDS = new Set(["578", "246", "208"]); // Norway, Finland, Denmark

export interface Outline {
  sweden: Feature<Geometry>;
  context: Feature<Geometry>[];
}

async function loadOutline(): Promise<Outline> {
  const response = await fetch(worldUrl);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
  const sweden = countries.features.find((f) => String(f.id) === SWEDEN_ID);
  if (!sweden) throw new Error("Sweden is missing from world-atlas");
  return { sweden, context: countries.features.filter((f) => CONTEXT_IDS.has(String(f.id))) };
}

export function useSwedenOutline() {
  return useQuery({ queryKey: ["coverage", "outline"], queryFn: loadOutline, staleTime: Number.POSITIVE_INFINITY });
}
