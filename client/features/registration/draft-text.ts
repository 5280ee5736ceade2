/** Reading typed text into record values: empty means absent, years are numbers, sources are one URL per line. */

export const optionalText = (text: string): string | undefined => (text.trim() === "" ? undefined : text.trim());

/** "" → absent; anything else a number (NaN when not one, which the schema then refuses for the right field). */
export const yearOf = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text.trim()));

export const sourceLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
