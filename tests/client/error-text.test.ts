/** Pins how server errors read in the UI: foreseeable ones in the reader's language, never the server's English. */
import { TRPCClientError } from "@trpc/client";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../client/i18n/en";
import { sv } from "../../client/i18n/sv";
import { errorText, HttpStatusError, httpStatusOf } from "../../client/lib/error-text";

const trpcError = (message: string, httpStatus: number) =>
  new TRPCClientError(message, { result: { error: { message, code: -32600, data: { httpStatus } } } } as never);

const sv_ = () => i18next.getFixedT("sv");
const en_ = () => i18next.getFixedT("en");

beforeAll(async () => {
  await i18next.init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: "sv",
    interpolation: { escapeValue: false },
  });
});

describe("errorText", () => {
  it("reads the HTTP status of tRPC and plain HTTP errors", () => {
    expect(httpStatusOf(trpcError("x", 429))).toBe(429);
    expect(httpStatusOf(new HttpStatusError(503, "GET /api/graph"))).toBe(503);
    expect(httpStatusOf(new TypeError("Failed to fetch"))).toBeUndefined();
  });

  it("says a too long search text in Swedish, with the limit, and not the server's English", () => {
    const error = trpcError('Invalid input: field "q": at most 200 characters', 400);
    expect(errorText(error, sv_())).toBe("Sökordet är för långt: högst 200 tecken.");
    expect(errorText(error, en_())).toBe("The search text is too long: at most 200 characters.");
    // zod's own wording, as the issue quoted it.
    const zod = trpcError('Invalid input: field "q": Too big: expected string to have <=200 characters', 400);
    expect(errorText(zod, sv_())).toBe("Sökordet är för långt: högst 200 tecken.");
  });

  it("names a hidden character and where it is, as the sign-up form does, not a vague invalid value", () => {
    const error = trpcError(
      'Invalid input: field "note": contains an invisible character (U+200B) at character 4; remove it',
      400,
    );
    expect(errorText(error, sv_())).toBe(
      "Innehåller ett osynligt tecken eller styrtecken (U+200B) på plats 4. Ta bort det: det syns inte men kan ändra hur texten läses.",
    );
    expect(errorText(error, en_())).toMatch(/^Contains an invisible or control character \(U\+200B\) at position 4\./);
  });

  it("names no field it does not know, and says invalid input plainly", () => {
    expect(errorText(trpcError('Invalid input: field "limit": Invalid input', 400), sv_())).toBe(
      "Uppgiften har ett ogiltigt värde.",
    );
  });

  it.each([
    [401, "Du behöver logga in först."],
    [403, "Ditt konto får inte göra det här."],
    [404, "Det finns inte (längre) i kartan."],
    [409, "Det krockar med något som redan finns eller just ändrats. Ladda om och försök igen."],
    [429, "För många förfrågningar just nu. Vänta en stund och försök igen."],
    [503, "Servern är upptagen just nu. Försök igen om en stund."],
    [500, "Ett fel uppstod på servern. Försök igen senare."],
  ])("HTTP %i reads in Swedish", (status, text) => {
    expect(errorText(trpcError("Some English from the server", status), sv_())).toBe(text);
  });

  it("says the server cannot be reached when no answer came", () => {
    expect(errorText(new TypeError("Failed to fetch"), sv_())).toBe(
      "Ingen kontakt med servern. Kontrollera anslutningen och försök igen.",
    );
  });
});
