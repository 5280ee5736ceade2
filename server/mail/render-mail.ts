/**
 * One message in two forms: plain text and simple HTML, from the same paragraphs. Everything that goes into the HTML
 * is escaped (names and reasons come from people), and links are the only markup.
 */

/** A paragraph: plain text, or a link with the words to show. */
export type MailPart = string | { link: string; label: string };

export interface MailContent {
  subject: string;
  paragraphs: MailPart[];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

export function renderMail(
  content: MailContent,
  language: "sv" | "en",
): { subject: string; text: string; html: string } {
  const text = content.paragraphs.map((p) => (typeof p === "string" ? p : `${p.label}:\n${p.link}`)).join("\n\n");
  const body = content.paragraphs
    .map((p) =>
      typeof p === "string"
        ? `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`
        : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.label)}</a></p>`,
    )
    .join("\n");
  const html =
    `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>\n` +
    `<body style="font-family: sans-serif; line-height: 1.5">\n${body}\n</body></html>\n`;
  // A subject is one line: a name with a line break in it must not start a new header.
  return { subject: content.subject.replace(/[\r\n]+/g, " "), text: `${text}\n`, html };
}
