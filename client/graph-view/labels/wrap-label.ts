/**
 * Breaks a name into lines at word boundaries, measured in em (widths relative to the font size), so one wrapping
 * serves every zoom. A name longer than `maxLines` lines is cut with "…" (its full text shows on hover and selection).
 * Pure: the measure is passed in.
 */

export interface WrappedLabel {
  lines: string[];
  /** True when the name did not fit in `maxLines` lines and was cut. */
  cut: boolean;
}

/** Width of a text in em (1 = the font size). */
export type MeasureEm = (text: string) => number;

export function wrapLabel(
  name: string,
  measure: MeasureEm,
  maxEm: number,
  maxLines = Number.POSITIVE_INFINITY,
): WrappedLabel {
  if (maxEm <= 0 || maxLines < 1) throw new RangeError("wrapLabel: maxEm and maxLines must be positive");
  const words = name.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    // A single word wider than the line stays whole on its own line: breaking inside words would hide the name.
    if (line && measure(candidate) > maxEm) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, cut: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] as string;
  // Make room for the ellipsis on the last kept line, word by word, then character by character.
  while (measure(`${last}…`) > maxEm && last.includes(" ")) last = last.slice(0, last.lastIndexOf(" "));
  while (measure(`${last}…`) > maxEm && last.length > 1) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return { lines: kept, cut: true };
}
