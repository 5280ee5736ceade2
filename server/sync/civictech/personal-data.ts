/**
 * The privacy rule of the sync: only whitelisted front-matter fields are read (never `contact`, `form`, `image` or the
 * page body), and a kept text that still carries an e-mail address (also one written "(at)"), a phone number or a mailto/tel link is dropped.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
// Written to dodge harvesters, as the site does: "namn(at)kommun.se", "contact[at]okfn[dot]se", "namn (at) gmail.com".
const HIDDEN_EMAIL =
  /[\p{L}\p{N}._%+-]+\s?[([{]\s?(?:at|snabel-a)\s?[)\]}]\s?[\p{L}\p{N}-]+(?:\s?(?:[([{]\s?dot\s?[)\]}]|\.)\s?[\p{L}\p{N}-]+)+/iu;
const LINK_TO_PERSON = /^\s*(mailto|tel|sms):/i;
// Swedish and international phone numbers: 070-123 45 67, +46 70 123 45 67, 08-12 34 56.
const PHONE = /(?:\+\d{1,3}[\s-]?)?\(?\d{2,4}\)?[\s-]\d{2,3}[\s-]?\d{2}[\s-]?\d{2}\b/;

export function carriesPersonalData(text: string): boolean {
  return EMAIL.test(text) || HIDDEN_EMAIL.test(text) || LINK_TO_PERSON.test(text) || PHONE.test(text);
}

/** The text, or undefined when it must not be kept. */
export function keepText(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const text = String(value).trim();
  if (text === "" || carriesPersonalData(text)) return undefined;
  return text;
}
