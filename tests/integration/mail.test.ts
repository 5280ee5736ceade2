/**
 * The mail layer over a real SMTP server in the test process: a queued message arrives as text and escaped HTML; a
 * refused one is retried with back-off until it goes through; nothing in the log names the address or a link; and
 * without SMTP_URL the message lands in the outbox that administrators read over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { startMailServer, type TestMailServer } from "./mail-server";
import { createAccount, RELAXED_LIMITS, sessionClientFor, startTestServer, trpcFailure } from "./server-helpers";

let smtp: TestMailServer;
let server: RunningServer;
const logged: string[] = [];

beforeAll(async () => {
  smtp = await startMailServer();
  server = await startTestServer(
    writeDataDir(smallDataset()),
    tempDatabasePath(),
    undefined,
    { ...RELAXED_LIMITS, mailRetry: { firstMs: 50, maxMs: 200, attempts: 4 } },
    { SMTP_URL: smtp.url, MAIL_FROM: "Partnerkartan <karta@example.org>", PUBLIC_URL: "https://karta.example.org/" },
  );
  const record = (details: object, message: string) => logged.push(`${message} ${JSON.stringify(details)}`);
  server.mailer.log = { info: record, warn: record };
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe("mail over SMTP", () => {
  it("sends a queued message as plain text and escaped HTML in the recipient's language, links on PUBLIC_URL", async () => {
    const started = performance.now();
    const id = await server.mailer.send("Anna@Example.org", "en", {
      template: "submission-rejected",
      name: "<script>alert(1)</script> & co",
      reason: 'Duplicate of "Egenmakt" <b>',
      link: server.mailer.link("/#reset=secret-token-123"),
    });
    // Queuing is a database insert: the caller does not wait for the SMTP server.
    expect(performance.now() - started).toBeLessThan(100);
    const mail = await smtp.waitFor("anna@example.org");
    expect(mail.from).toMatch(/^"?Partnerkartan"? <karta@example.org>$/);
    expect(mail.subject).toBe("“<script>alert(1)</script> & co” was not approved");
    expect(mail.text).toContain('Duplicate of "Egenmakt" <b>');
    // The link opens the page in the recipient's language.
    expect(mail.links).toEqual(["https://karta.example.org/?lang=en#reset=secret-token-123"]);
    expect(mail.lang).toBe("en");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
    expect(mail.html).toContain("Duplicate of &quot;Egenmakt&quot; &lt;b&gt;");
    expect(mail.html).not.toMatch(/<script>|<b>/);
    expect(mail.html).toContain('<a href="https://karta.example.org/?lang=en#reset=secret-token-123">');
    // Once sent, neither the address nor the body (with its secret link) is kept.
    await expect.poll(async () => (await server.store.mail.list()).find((m) => m.id === id)?.status).toBe("sent");
    const row = (await server.store.mail.list()).find((m) => m.id === id);
    expect(row).toMatchObject({ to: null, text: null, attempts: 1 });
  });

  it("speaks Swedish by default and signs every message", async () => {
    await server.mailer.send("bo@example.org", "sv", { template: "password-changed" });
    const mail = await smtp.waitFor("bo@example.org");
    expect(mail.subject).toBe("Ditt lösenord är bytt");
    expect(mail.text).toContain("Partnerkartan, Civic Tech Sweden");
    expect(mail.lang).toBe("sv");
  });

  it("retries a refused message with growing pauses until the SMTP server takes it", async () => {
    smtp.refuseNext(2);
    const started = Date.now();
    const id = await server.mailer.send("retry@example.org", "sv", { template: "password-changed" });
    await smtp.waitFor("retry@example.org");
    // Two failures: pauses of 50 and 100 ms before the third attempt.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    await expect.poll(async () => (await server.store.mail.list()).find((m) => m.id === id)?.status).toBe("sent");
    expect((await server.store.mail.list()).find((m) => m.id === id)).toMatchObject({ attempts: 3, lastError: null });
  });

  it("gives up after the last attempt and keeps the failure for the outbox page, without the address", async () => {
    smtp.refuseNext(4);
    const id = await server.mailer.send("never@example.org", "sv", { template: "password-changed" });
    await expect
      .poll(async () => (await server.store.mail.list()).find((m) => m.id === id)?.status, { timeout: 5000 })
      .toBe("failed");
    const row = (await server.store.mail.list()).find((m) => m.id === id);
    expect(row).toMatchObject({ attempts: 4, to: null, text: null });
    expect(row?.lastError).toMatch(/Try again later/);
    expect(smtp.received.some((m) => m.to === "never@example.org")).toBe(false);
  });

  it("logs every message by id and template, never with its address or its secret link", async () => {
    expect(logged.some((line) => line.startsWith("mail queued"))).toBe(true);
    expect(logged.some((line) => line.startsWith("mail sent"))).toBe(true);
    expect(logged.some((line) => line.startsWith("mail failed; will retry"))).toBe(true);
    expect(logged.some((line) => line.startsWith("mail failed; given up"))).toBe(true);
    const all = logged.join("\n");
    expect(all).not.toMatch(/@example\.org|secret-token|karta\.example\.org/i);
  });
});

describe("mail without SMTP_URL: the outbox", () => {
  let local: RunningServer;
  beforeAll(async () => {
    local = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  });
  afterAll(async () => {
    await local?.close();
  });

  it("keeps the message in the outbox, which only administrators read over HTTP", async () => {
    await local.mailer.send("cia@example.org", "sv", { template: "password-changed" });
    const admin = await createAccount(local.store, "administrator", "Ada Admin");
    const coordinator = await createAccount(local.store, "coordinator", "Cora");
    const asAdmin = sessionClientFor(local.url);
    await asAdmin.auth.login.mutate({ email: admin.email, password: admin.password });
    const outbox = await asAdmin.admin.outbox.query();
    expect(outbox.delivery).toBe("outbox");
    expect(outbox.messages[0]).toMatchObject({
      to: "cia@example.org",
      status: "outbox",
      subject: "Ditt lösenord är bytt",
      template: "password-changed",
    });
    expect(outbox.messages[0]?.text).toContain("Lösenordet till ditt konto");

    const asCoordinator = sessionClientFor(local.url);
    await asCoordinator.auth.login.mutate({ email: coordinator.email, password: coordinator.password });
    expect((await trpcFailure(asCoordinator.admin.outbox.query())).status).toBe(403);
  });
});
