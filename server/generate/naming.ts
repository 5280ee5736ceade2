/** Names, ids, summaries and sources of synthetic entities: unmistakably synthetic, never a real name or URL. */
import type { Label } from "../../shared/schema/common";
import type { OrganisationKind } from "../../shared/schema/organisation";

/** `.invalid` is reserved (RFC 2606): these addresses can never resolve to a real site. */
export const SYNTHETIC_SOURCE_BASE = "https://synthetic.partnerkartan.invalid";

/** Every generated id starts with this, so a synthetic id can never equal a real one ("digidem-lab"). */
export const SYNTHETIC_ID_PREFIX = "syn-";

type EntityPath = "organisation" | "project" | "funding-call" | "event";
const ID_PART: Record<EntityPath, string> = {
  organisation: "org",
  project: "proj",
  "funding-call": "call",
  event: "event",
};

/** Zero-padded running numbers, at least five digits wide ("00042"). */
export function numberer(count: number): (index: number) => string {
  const width = Math.max(5, String(count).length);
  return (index) => String(index + 1).padStart(width, "0");
}

export function syntheticId(path: EntityPath, number: string): string {
  return `${SYNTHETIC_ID_PREFIX}${ID_PART[path]}-${number}`;
}

export function syntheticSource(path: EntityPath, number: string): string {
  return `${SYNTHETIC_SOURCE_BASE}/${path}/${number}`;
}

/** Swedish name of each organisation kind, with the adjective agreeing ("Syntetisk förening", "Syntetiskt företag"). */
const KIND_NAME: Record<OrganisationKind, { sv: string; en: string; neuter: boolean }> = {
  association: { sv: "förening", en: "association", neuter: false },
  cooperative: { sv: "kooperativ", en: "cooperative", neuter: true },
  company: { sv: "företag", en: "company", neuter: true },
  "research-institute": { sv: "forskningsinstitut", en: "research institute", neuter: true },
  university: { sv: "lärosäte", en: "university", neuter: true },
  school: { sv: "skola", en: "school", neuter: false },
  municipality: { sv: "kommun", en: "municipality", neuter: false },
  region: { sv: "region", en: "region", neuter: false },
  agency: { sv: "myndighet", en: "agency", neuter: false },
  network: { sv: "nätverk", en: "network", neuter: true },
  "local-group": { sv: "lokalgrupp", en: "local group", neuter: false },
  funder: { sv: "finansiär", en: "funder", neuter: false },
  foundation: { sv: "stiftelse", en: "foundation", neuter: false },
  venue: { sv: "mötesplats", en: "venue", neuter: false },
};

const syntetisk = (neuter: boolean) => (neuter ? "Syntetiskt" : "Syntetisk");

/** "Syntetisk förening 01234". */
export function organisationName(kind: OrganisationKind, number: string): string {
  const k = KIND_NAME[kind];
  return `${syntetisk(k.neuter)} ${k.sv} ${number}`;
}

export function organisationSummary(kind: OrganisationKind, home: Label | undefined, national: boolean): Label {
  const k = KIND_NAME[kind];
  const svWhere = national ? "verksam i hela landet" : home ? `i ${home.sv}` : "utan hemlän";
  const enWhere = national ? "working nationwide" : home ? `in ${home.en}` : "without a home county";
  return {
    sv: `Syntetisk testorganisation (${k.sv}) ${svWhere}; genererad, inte verklig.`,
    en: `Synthetic test organisation (${k.en}) ${enWhere}; generated, not real.`,
  };
}

/** "Syntetiskt projekt 01234". */
export function projectName(number: string): string {
  return `Syntetiskt projekt ${number}`;
}

export function projectSummary(topic: Label | undefined): Label {
  return {
    sv: `Syntetiskt testprojekt${topic ? ` om ${topic.sv.toLowerCase()}` : ""}; genererat, inte verkligt.`,
    en: `Synthetic test project${topic ? ` on ${topic.en.toLowerCase()}` : ""}; generated, not real.`,
  };
}

export function fundingCallName(number: string, year: number): Label {
  return { sv: `Syntetisk utlysning ${number} (${year})`, en: `Synthetic funding call ${number} (${year})` };
}

export function eventName(number: string): Label {
  return { sv: `Syntetiskt evenemang ${number}`, en: `Synthetic event ${number}` };
}
