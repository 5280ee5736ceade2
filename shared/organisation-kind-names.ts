/**
 * What each kind of organisation is called, in Swedish and English: one definition for the UI's catalogue
 * (client/i18n orgKind) and the server's files (the shortlist CSV's Typ/Kind column), so the two never drift.
 */
import type { OrganisationKind } from "./schema/organisation";

export const ORGANISATION_KIND_NAMES = {
  sv: {
    association: "Förening",
    cooperative: "Kooperativ",
    company: "Företag",
    "research-institute": "Forskningsinstitut",
    university: "Universitet/högskola",
    school: "Skola/folkhögskola",
    municipality: "Kommun",
    region: "Region",
    agency: "Myndighet",
    network: "Nätverk",
    "local-group": "Lokalgrupp",
    funder: "Finansiär",
    foundation: "Stiftelse",
    venue: "Mötesplats",
  },
  en: {
    association: "Association",
    cooperative: "Cooperative",
    company: "Company",
    "research-institute": "Research institute",
    university: "University",
    school: "School / folk high school",
    municipality: "Municipality",
    region: "Region",
    agency: "Government agency",
    network: "Network",
    "local-group": "Local group",
    funder: "Funder",
    foundation: "Foundation",
    venue: "Venue",
  },
} as const satisfies Record<"sv" | "en", Record<OrganisationKind, string>>;
