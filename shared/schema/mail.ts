/** What administrators see of the mail the app has sent or holds ("Utkorg / Outbox"). */
import type { Language } from "./account";

export type MailStatus = "queued" | "sent" | "failed" | "outbox";

export interface OutboxMail {
  id: number;
  template: string;
  language: Language;
  /** Null once handed to the SMTP server (address and body are then no longer kept). */
  to: string | null;
  subject: string;
  text: string | null;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface Outbox {
  /** "outbox": no SMTP server is set (SMTP_URL), so mail stays here to be read; "smtp": mail goes out. */
  delivery: "smtp" | "outbox";
  messages: OutboxMail[];
}
