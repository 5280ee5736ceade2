/**
 * Sends the app's mail without making a request wait: `send` renders the message and inserts it into the queue (one
 * row, in the caller's thread), and a background loop hands queued messages to the SMTP server, retrying failures
 * with growing pauses. Without an SMTP server the message goes to the outbox instead, which administrators read in
 * the app, so nothing is lost. The log names each message by id and template only: never the address or a link.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type { Language } from "../../shared/schema/account";
import type { MailStore } from "../store/mail";
import { renderMail } from "./render-mail";
import { type MailMessage, mailContent } from "./templates";

export interface RetryPolicy {
  /** Pause after the first failure; each further failure doubles it, up to `maxMs`. */
  firstMs: number;
  maxMs: number;
  /** Attempts in all before the message is marked failed. */
  attempts: number;
}

/** 30 s, 1 min, 2 min, … up to an hour between attempts; given up after about six hours. */
export const DEFAULT_RETRY: RetryPolicy = { firstMs: 30_000, maxMs: 3_600_000, attempts: 10 };

export interface MailSettings {
  /** `smtp://user:password@host:587` or `smtps://…`; without it mail goes to the outbox. */
  smtpUrl?: string;
  from: string;
  retry?: RetryPolicy;
}

/** The part of a pino/Fastify logger the mailer uses. */
export interface MailLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

const quiet: MailLog = { info() {}, warn() {} };

/** The pause before the next attempt after `failures` failed ones. */
export const retryDelayMs = (failures: number, policy: RetryPolicy): number =>
  Math.min(policy.maxMs, policy.firstMs * 2 ** Math.max(0, failures - 1));

/** An SMTP error without any address it quotes ("550 <someone@example.org>: no such user"). */
const withoutAddresses = (message: string): string => message.replace(/[^\s<>"'()]+@[^\s<>"'()]+/g, "<address>");

/** The longest the loop sleeps between looks at the queue (a retry falls due, or a message came from elsewhere). */
const MAX_SLEEP_MS = 60_000;

export class Mailer {
  private readonly transport: Transporter | undefined;
  private readonly retry: RetryPolicy;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  // Until start(): an instance that does not hold the job lease (jobs/job-lease.ts) only queues.
  private stopped = true;
  /** Where links in mail point; set once the server knows its address (PUBLIC_URL, or localhost and the port). */
  publicUrl = "http://localhost:3000";
  log: MailLog = quiet;

  constructor(
    private readonly store: MailStore,
    private readonly settings: MailSettings,
  ) {
    this.transport = settings.smtpUrl ? nodemailer.createTransport(settings.smtpUrl) : undefined;
    this.retry = settings.retry ?? DEFAULT_RETRY;
  }

  /** How mail leaves: over SMTP, or into the outbox. */
  get delivery(): "smtp" | "outbox" {
    return this.transport ? "smtp" : "outbox";
  }

  /** A link into the app: `path` is what follows the origin ("/#reset=…", "/?node=…"). */
  link(path: string): string {
    return `${this.publicUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
  }

  /**
   * Queues one message to `to` in `language` and returns its id; the request goes on at once. Every link into the app
   * gets `lang=` the recipient's language, so the page opens in the language the mail is in. `accountId`: the account
   * the message is for, if it has one, so that removing the account removes its unsent mail whatever the address.
   */
  async send(to: string, language: Language, message: MailMessage, accountId?: number): Promise<number> {
    const localised = this.withLanguage(message, language);
    const rendered = renderMail(mailContent(localised, language), language);
    const id = await this.store.add(
      { template: message.template, language, to, ...rendered, ...(accountId === undefined ? {} : { accountId }) },
      this.transport ? "queue" : "outbox",
    );
    this.log.info({ mail: id, template: message.template, delivery: this.delivery }, "mail queued");
    this.wake();
    return id;
  }

  /** The message with `lang=language` in the query of each of its links into the app (before any `#…`). */
  private withLanguage(message: MailMessage, language: Language): MailMessage {
    const origin = this.publicUrl.replace(/\/+$/, "");
    const out: Record<string, unknown> = { ...message };
    for (const [key, value] of Object.entries(message)) {
      // Only the link fields: a person's words (a message) that happen to hold a link stay as written.
      if (key !== "link" && !key.endsWith("Link")) continue;
      if (typeof value !== "string" || !(value === origin || value.startsWith(`${origin}/`))) continue;
      const url = new URL(value);
      url.searchParams.set("lang", language);
      out[key] = url.toString();
    }
    return out as MailMessage;
  }

  /** Starts the background loop (sends what an earlier run left queued). */
  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Stops the loop after the message in hand; queued ones wait in the database for the next start. */
  async stop(): Promise<void> {
    await this.pause();
    this.transport?.close();
  }

  /** Stops sending here (another instance took over the jobs) but can start again. */
  async pause(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** A message was queued elsewhere (another instance): look at the queue now, if this instance sends. */
  poke(): void {
    this.wake();
  }

  /** Runs the loop soon; a call while it runs makes it look again when done. */
  private wake(): void {
    if (!this.transport || this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.sendDue().finally(() => {
        this.running = undefined;
        if (this.rerun) {
          this.rerun = false;
          this.wake();
        } else this.sleep();
      });
    }, 0);
  }

  private sleep(): void {
    if (this.stopped) return;
    void this.store
      .nextDue()
      .catch(() => undefined)
      .then((next) => {
        if (this.stopped || this.running) return;
        const wait = next ? Math.max(0, next.getTime() - Date.now()) : MAX_SLEEP_MS;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.wake(), Math.min(wait, MAX_SLEEP_MS));
        this.timer.unref();
      });
  }

  private async sendDue(): Promise<void> {
    const transport = this.transport as Transporter;
    for (let batch = await this.store.due(); batch.length > 0 && !this.stopped; batch = await this.store.due()) {
      for (const mail of batch) {
        if (this.stopped) return;
        const details = { mail: mail.id, template: mail.template, attempt: mail.attempts + 1 };
        try {
          await transport.sendMail({
            from: this.settings.from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
          });
          await this.store.markSent(mail.id);
          this.log.info(details, "mail sent");
        } catch (error) {
          const reason = withoutAddresses(error instanceof Error ? error.message : String(error)).slice(0, 500);
          const failures = mail.attempts + 1;
          const retryAt =
            failures < this.retry.attempts ? new Date(Date.now() + retryDelayMs(failures, this.retry)) : undefined;
          await this.store.markFailed(mail.id, reason, retryAt);
          this.log.warn(
            { ...details, error: reason, retryAt: retryAt?.toISOString() },
            retryAt ? "mail failed; will retry" : "mail failed; given up",
          );
        }
      }
    }
  }
}
