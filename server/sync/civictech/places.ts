/**
 * An event's `place` as the site writes it ("Goto 10, Hammarby Kaj 10D, 120 07 Stockholm", "Viktoriahuset,
 * Gothenburg, Sweden", "Online", a meeting link) → online or not, the venue's name, the city and its län. A city the
 * table does not know leaves the län empty rather than guessed; street addresses and postcodes are never kept.
 */
import { foldText } from "./pair-pages";

export interface Place {
  /** Held online: the whole place is online or a meeting link, or a place "& online" (hybrid). */
  online: boolean;
  /** The first part of the place when it names a venue, not a street. */
  venueName?: string;
  city?: string;
  /** SCB länskod of the city. */
  regionCode?: string;
}

/** Cities (folded, with English exonyms) → länskod: the 21 seats and other towns the network has met in. */
const CITY_REGION: Record<string, { city: string; code: string }> = {
  stockholm: { city: "Stockholm", code: "01" },
  solna: { city: "Solna", code: "01" },
  sodertalje: { city: "Södertälje", code: "01" },
  botkyrka: { city: "Botkyrka", code: "01" },
  uppsala: { city: "Uppsala", code: "03" },
  nykoping: { city: "Nyköping", code: "04" },
  linkoping: { city: "Linköping", code: "05" },
  norrkoping: { city: "Norrköping", code: "05" },
  jonkoping: { city: "Jönköping", code: "06" },
  vaxjo: { city: "Växjö", code: "07" },
  kalmar: { city: "Kalmar", code: "08" },
  visby: { city: "Visby", code: "09" },
  karlskrona: { city: "Karlskrona", code: "10" },
  malmo: { city: "Malmö", code: "12" },
  lund: { city: "Lund", code: "12" },
  helsingborg: { city: "Helsingborg", code: "12" },
  kristianstad: { city: "Kristianstad", code: "12" },
  halmstad: { city: "Halmstad", code: "13" },
  goteborg: { city: "Göteborg", code: "14" },
  gothenburg: { city: "Göteborg", code: "14" },
  boras: { city: "Borås", code: "14" },
  vanersborg: { city: "Vänersborg", code: "14" },
  karlstad: { city: "Karlstad", code: "17" },
  orebro: { city: "Örebro", code: "18" },
  vasteras: { city: "Västerås", code: "19" },
  falun: { city: "Falun", code: "20" },
  gavle: { city: "Gävle", code: "21" },
  harnosand: { city: "Härnösand", code: "22" },
  sundsvall: { city: "Sundsvall", code: "22" },
  ostersund: { city: "Östersund", code: "23" },
  umea: { city: "Umeå", code: "24" },
  skelleftea: { city: "Skellefteå", code: "24" },
  mala: { city: "Malå", code: "24" },
  lulea: { city: "Luleå", code: "25" },
  kiruna: { city: "Kiruna", code: "25" },
};

// "Hammarby Kaj 10D", "Östra Ågatan 19", "Lägerhyddsvägen 1", "12 Main Street": a street and its number.
const STREET =
  /(gatan|gata|vägen|väg|gränd|kaj|torg|torget|plan|backe|backen|allé|stig|street|road|avenue)\s+\d|^\d+\s/iu;
const isStreet = (part: string): boolean => STREET.test(part);

const ONLINE = /^(online|digital|digitalt|zoom|jitsi|internet|webinar|webbinarium)\b/i;
// "Sundsvall & online", "Göteborg och digitalt", "Online / Uppsala": a place that is also streamed.
const HYBRID =
  /\s*(?:&|\+|\/|\boch\b|\band\b)\s*(?:online|digitalt|digital)\b\s*$|^\s*(?:online|digitalt|digital)\s*(?:&|\+|\/|\boch\b|\band\b)\s*/i;
const COUNTRY = new Set(["sweden", "sverige"]);

export function parsePlace(text: string | undefined): Place {
  if (text === undefined) return { online: false };
  const trimmed = text.trim();
  if (trimmed === "") return { online: false };
  if (HYBRID.test(trimmed)) {
    const place = parsePlace(trimmed.replace(HYBRID, ""));
    return { ...place, online: true };
  }
  if (/^https?:\/\//i.test(trimmed) || ONLINE.test(trimmed)) return { online: true };
  const parts = trimmed
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "" && !COUNTRY.has(foldText(p)));
  let city: { city: string; code: string } | undefined;
  let cityIndex = -1;
  parts.forEach((part, i) => {
    // "120 07 Stockholm": the last word after a postcode.
    const name = foldText(part.replace(/^\d{3}\s?\d{2}\s+/, ""));
    const known = CITY_REGION[name];
    if (known) {
      city = known;
      cityIndex = i;
    }
  });
  const first = parts[0];
  // A venue is the first part when it is neither the city nor a street address (a street carries a number).
  const venueName = first !== undefined && cityIndex !== 0 && !isStreet(first) ? first : undefined;
  return {
    online: false,
    ...(venueName ? { venueName } : {}),
    ...(city ? { city: city.city, regionCode: city.code } : {}),
  };
}

/** The key venue names and organisation names are compared by: case, accents, spaces and "House"/"Huset" aside. */
export const nameKey = (name: string): string =>
  foldText(name)
    .replace(/^(house|huset)\s+/, "")
    .replace(/\s+/g, "");
