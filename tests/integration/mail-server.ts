/**
 * A real SMTP server inside the test process (smtp-server), whose received messages are parsed with mailparser, so
 * tests read mail exactly as a mail client would. It can be told to refuse the next messages, to test retries.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Every link in the text part, in order. */
  links: string[];
  /** The Content-Language of the message, if set, else the lang attribute of the HTML. */
  lang: string | undefined;
}

export interface TestMailServer {
  url: string;
  received: ReceivedMail[];
  /** Refuse the next `n` messages with a temporary error (451). */
  refuseNext(n: number): void;
  /** Resolves with the first message to `to` (lower case) matching `test` that arrives, waiting up to `ms`. */
  waitFor(to: string, test?: (mail: ReceivedMail) => boolean, ms?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<TestMailServer> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      if (refuse > 0) {
        refuse--;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
          const text = parsed.text ?? "";
          const html = typeof parsed.html === "string" ? parsed.html : "";
          received.push({
            from: parsed.from?.text ?? "",
            to: (to?.value[0]?.address ?? "").toLowerCase(),
            subject: parsed.subject ?? "",
            text,
            html,
            links: text.match(/https?:\/\/\S+/g) ?? [],
            lang: /<html lang="([a-z]+)"/.exec(html)?.[1],
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(n) {
      refuse = n;
    },
    waitFor(to, test = () => true, ms = 10_000) {
      const find = () => received.find((m) => m.to === to.toLowerCase() && test(m));
      return new Promise((resolve, reject) => {
        const found = find();
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no mail to ${to} within ${ms} ms (received: ${received.map((m) => m.subject).join(", ")})`),
          );
        }, ms);
        const check = () => {
          const mail = find();
          if (!mail) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(mail);
        };
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
