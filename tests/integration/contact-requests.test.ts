/**
 * Contact requests end to end through the real HTTP server and a real SMTP server in the test process: a project's
 * owner sends with the reasons attached by the server; the organisation's owner gets the mail in their language;
 * accepting mails each of the two the other's address, and no one else sees it; the unowned case refuses; the limits
 * answer 409 and 429 naming the field; a claim approved by a coordinator makes a member an owner; a report reaches
 * coordinators; the figures count; "download my data" holds the requests; no address enters the log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { startMailServer, type TestMailServer } from "./mail-server";
import { createAccount, RELAXED_LIMITS, sessionClientFor, startTestServer, trpcFailure } from "./server-helpers";

let smtp: TestMailServer;
let server: RunningServer;
const logged: string[] = [];
type Client = ReturnType<typeof sessionClientFor>;
let sender: Client;
let recipient: Client;
let coordinator: Client;
let stranger: Client;
let recipientId: number;

async function signedIn(role: "member" | "coordinator", name: string, language?: "sv" | "en") {
  const account = await createAccount(server.store, role, name);
  if (language) await server.store.accounts.setSettings(account.id, { language });
  const client = sessionClientFor(server.url);
  await client.auth.login.mutate({ email: account.email, password: account.password });
  return { client, id: account.id };
}

beforeAll(async () => {
  smtp = await startMailServer();
  server = await startTestServer(
    writeDataDir(smallDataset()),
    tempDatabasePath(),
    undefined,
    { ...RELAXED_LIMITS, mailRetry: { firstMs: 50, maxMs: 200, attempts: 4 } },
    { SMTP_URL: smtp.url, MAIL_FROM: "Partnerkartan <karta@example.org>", PUBLIC_URL: "https://karta.example.org" },
  );
  const record = (details: object, message: string) => logged.push(`${message} ${JSON.stringify(details)}`);
  server.mailer.log = { info: record, warn: record };
  const s = await signedIn("member", "Sara Sändare");
  sender = s.client;
  await server.store.accounts.addOwner(s.id, { kind: "project", id: "open-up" });
  const r = await signedIn("member", "Rut Mottagare", "en");
  recipient = r.client;
  recipientId = r.id;
  coordinator = (await signedIn("coordinator", "Cora Samordnare")).client;
  stranger = (await signedIn("member", "Stig Främling")).client;
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe("contact requests over HTTP with real mail", () => {
  it("says an unowned organisation has not claimed its profile, points to its website, and refuses to send", async () => {
    const preview = await sender.contact.preview.query({ projectId: "open-up", organisationId: "digidem-lab" });
    expect(preview).toMatchObject({ claimed: false, organisationName: "Digidem Lab", perDay: 5, sentToday: 0 });
    const refused = await trpcFailure(
      sender.contact.send.mutate({ projectId: "open-up", organisationId: "digidem-lab", message: "Hej" }),
    );
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/field "organisationId": .*not claimed/);
  });

  it("lets a member claim the profile, and a coordinator's approval makes them its owner (mailed)", async () => {
    const claim = await recipient.claim.create.mutate({ organisationId: "digidem-lab", message: "I run Digidem Lab" });
    expect((await recipient.contact.target.query({ organisationId: "digidem-lab" })).pendingClaim?.id).toBe(claim.id);
    expect((await trpcFailure(recipient.claim.approve.mutate({ id: claim.id }))).status).toBe(403);
    const queue = await coordinator.claim.queue.query({ status: "pending" });
    expect(queue.map((c) => c.claimantName)).toEqual(["Rut Mottagare"]);
    await coordinator.claim.approve.mutate({ id: claim.id });
    const mail = await smtp.waitFor("rut-mottagare@example.org", (m) => m.subject.includes("own the profile"));
    expect(mail.lang).toBe("en");
    expect(await recipient.contact.target.query({ organisationId: "digidem-lab" })).toMatchObject({
      claimed: true,
      mine: true,
    });
  });

  it("sends with the reasons computed by the server, mails the owner in their language, and shares nothing yet", async () => {
    const preview = await sender.contact.preview.query({ projectId: "open-up", organisationId: "digidem-lab" });
    expect(preview.claimed).toBe(true);
    expect(preview.reasons.en.length).toBeGreaterThan(0);
    const sent = await sender.contact.send.mutate({
      projectId: "open-up",
      organisationId: "digidem-lab",
      message: "Vill ni hålla en workshop med oss?\nMvh Sara",
    });
    expect(sent).toMatchObject({ status: "open", reasons: preview.reasons });
    expect(sent.contact).toBeUndefined();
    const mail = await smtp.waitFor("rut-mottagare@example.org", (m) => m.subject.includes("get in touch"));
    expect(mail.subject).toBe("Open Up! would like to get in touch with Digidem Lab");
    expect(mail.text).toContain("Vill ni hålla en workshop med oss?");
    // The recipient reads the reasons told to the organisation, not the project's own ("…, which you lack").
    const [received] = (await recipient.contact.mine.query()).received;
    expect(received?.reasons.en.length).toBe(preview.reasons.en.length);
    expect(received?.reasons.en).not.toEqual(preview.reasons.en);
    for (const reason of received?.reasons.en ?? []) {
      expect(reason).not.toMatch(/which you (lack|need)|where you are/);
      expect(mail.text).toContain(reason);
    }
    for (const reason of preview.reasons.en) expect(mail.text).not.toContain(reason);
    // The link opens the page in the recipient's language.
    expect(mail.links).toEqual(["https://karta.example.org/?lang=en#contacts"]);
    expect(mail.text).not.toContain("sara-s");
    expect(mail.html).toContain('<html lang="en">');

    const again = await trpcFailure(
      sender.contact.send.mutate({ projectId: "open-up", organisationId: "digidem-lab", message: "Hallå?" }),
    );
    expect(again.status).toBe(409);
    expect(again.message).toMatch(/field "organisationId": .*already has an open request/);
  });

  it("refuses a hidden bidirectional character in the message, naming the field", async () => {
    const refused = await trpcFailure(
      sender.contact.send.mutate({ projectId: "open-up", organisationId: "vinnova", message: "Hej \u202Etxet" }),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/field "message": .*bidirectional/);
  });

  it("lets only an owner of the organisation answer; accepting mails each party the other's address", async () => {
    const [request] = (await recipient.contact.mine.query()).received;
    if (!request) throw new Error("no request received");
    expect((await trpcFailure(stranger.contact.accept.mutate({ requestId: request.id }))).status).toBe(403);
    expect((await trpcFailure(coordinator.contact.accept.mutate({ requestId: request.id }))).status).toBe(403);
    expect((await trpcFailure(sender.contact.accept.mutate({ requestId: request.id }))).status).toBe(403);
    const accepted = await recipient.contact.accept.mutate({ requestId: request.id });
    expect(accepted.contact).toEqual({ name: "Sara Sändare", email: "sara-s-ndare@example.org" });

    const toSender = await smtp.waitFor("sara-s-ndare@example.org", (m) => m.subject.includes("tackade ja"));
    expect(toSender.text).toContain("rut-mottagare@example.org");
    expect(toSender.lang).toBe("sv");
    const toRecipient = await smtp.waitFor("rut-mottagare@example.org", (m) => m.subject.includes("Contact details"));
    expect(toRecipient.text).toContain("sara-s-ndare@example.org");

    const [seenBySender] = (await sender.contact.mine.query()).sent;
    expect(seenBySender?.contact).toEqual({ name: "Rut Mottagare", email: "rut-mottagare@example.org" });
    // No one else sees either address: not a stranger, not a coordinator.
    expect(JSON.stringify(await stranger.contact.mine.query())).not.toMatch(/@example\.org/);
    expect(JSON.stringify(await coordinator.contact.mine.query())).not.toMatch(/@example\.org/);
    expect(JSON.stringify(await coordinator.contact.reports.query())).not.toMatch(/@example\.org/);
    // Only the two parties got mail holding an address.
    const withAddress = smtp.received.filter((m) => /[a-z-]+@example\.org/.test(m.text));
    expect(new Set(withAddress.map((m) => m.to))).toEqual(
      new Set(["sara-s-ndare@example.org", "rut-mottagare@example.org"]),
    );
  });

  it("counts five requests per project a day, then answers 429 naming the project", async () => {
    const orgs = ["vinnova", "civic-tech-goteborg"];
    for (const id of orgs) await server.store.accounts.addOwner(recipientId, { kind: "organisation", id });
    for (const id of orgs)
      await sender.contact.send.mutate({ projectId: "open-up", organisationId: id, message: "Hej" });
    // Two more in the window, so the project is at its five.
    for (const id of orgs) {
      const [open] = (await recipient.contact.mine.query()).received.filter(
        (r) => r.organisationId === id && r.status === "open",
      );
      await recipient.contact.decline.mutate({ requestId: open?.id as number });
      await sender.contact.send.mutate({ projectId: "open-up", organisationId: id, message: "Igen" });
    }
    const limited = await trpcFailure(
      sender.contact.send.mutate({ projectId: "open-up", organisationId: "vinnova", message: "En till" }),
    );
    expect(limited.status).toBe(409);
    await server.store.db.run("UPDATE contact_request SET status = 'declined' WHERE status = 'open'");
    const overLimit = await trpcFailure(
      sender.contact.send.mutate({ projectId: "open-up", organisationId: "vinnova", message: "En till" }),
    );
    expect(overLimit.status).toBe(429);
    expect(overLimit.message).toMatch(/field "projectId": .*5 contact requests/);
    const declined = await smtp.waitFor("sara-s-ndare@example.org", (m) => m.subject.includes("tackade nej"));
    expect(declined.text).not.toMatch(/@example\.org/);
  });

  it("lets the recipient report a request; coordinators see the report and the figures", async () => {
    const [latest] = (await recipient.contact.mine.query()).received;
    // The note is checked like every field: at most 1,000 characters, no hidden characters (named), nothing stored.
    const long = await trpcFailure(
      recipient.contact.report.mutate({ requestId: latest?.id as number, note: "x".repeat(1001) }),
    );
    expect(long.status).toBe(400);
    expect(long.message).toMatch(/field "note": .*1000/);
    const hidden = await trpcFailure(
      recipient.contact.report.mutate({ requestId: latest?.id as number, note: "Sp\u200Bam" }),
    );
    expect(hidden.message).toMatch(/field "note": .*\(U\+200B\) at character 3/);
    expect(await coordinator.contact.reports.query()).toEqual([]);
    await recipient.contact.report.mutate({ requestId: latest?.id as number, note: "Spam" });
    const reports = await coordinator.contact.reports.query();
    expect(reports[0]).toMatchObject({ requestId: latest?.id, reportedBy: "Rut Mottagare", note: "Spam" });
    expect((await trpcFailure(stranger.contact.figures.query())).status).toBe(403);
    const figures = await coordinator.contact.figures.query();
    expect(figures).toMatchObject({ sent: 5, accepted: 1, reported: 1, becamePartners: 0 });
  });

  it("does not tell the sender of a report, and refuses the project a new request to that organisation", async () => {
    const [reported] = (await recipient.contact.mine.query()).received.filter((r) => r.reported);
    if (!reported) throw new Error("no reported request");
    const seenBySender = (await sender.contact.mine.query()).sent.find((r) => r.id === reported.id);
    expect(seenBySender).toMatchObject({ status: "declined", reported: false });
    await server.store.db.run("UPDATE contact_request SET created_at = '2020-01-01T00:00:00.000Z'");
    const again = await trpcFailure(
      sender.contact.send.mutate({
        projectId: reported.projectId,
        organisationId: reported.organisationId,
        message: "Hej igen",
      }),
    );
    expect(again.status).toBe(409);
    expect(again.message).toMatch(/field "organisationId": .*does not take further contact requests/);
    expect(again.message).not.toMatch(/report/i);
  });

  it("lets only the project's own owners send: a coordinator who does not own it is refused, naming the field", async () => {
    const refused = await trpcFailure(
      coordinator.contact.send.mutate({ projectId: "open-up", organisationId: "civic-tech-goteborg", message: "Hej" }),
    );
    expect(refused.status).toBe(403);
    expect(refused.message).toMatch(/field "projectId": only an owner of project "open-up"/);
  });

  it("puts both sides' requests in download my data, and keeps addresses and messages out of the log", async () => {
    const senderData = await sender.account.exportData.query();
    expect(senderData.contactRequests.sent).toHaveLength(5);
    const recipientData = await recipient.account.exportData.query();
    expect(recipientData.contactRequests.received).toHaveLength(5);
    expect(recipientData.claims.map((c) => c.status)).toEqual(["approved"]);
    const all = logged.join("\n");
    expect(all).toMatch(/contact-request/);
    expect(all).not.toMatch(/@example\.org|workshop|karta\.example\.org/i);
  });

  it("refuses a request to an organisation the sender owns, naming the field", async () => {
    // Rut owns Digidem Lab; made a co-owner of Open Up!, she may not write to her own organisation.
    await server.store.accounts.addOwner(recipientId, { kind: "project", id: "open-up" });
    const refused = await trpcFailure(
      recipient.contact.send.mutate({ projectId: "open-up", organisationId: "digidem-lab", message: "Hej" }),
    );
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/field "organisationId": you own the profile of "digidem-lab" yourself/);
  });
});
