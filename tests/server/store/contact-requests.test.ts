/**
 * Pins the contact-request and profile-claim stores on a real SQLite file (and PostgreSQL, in the postgres project): only claimed organisations can be written
 * to, one open request per pair and a daily limit per project (each refusal naming its field), addresses shown only
 * to the two parties of an accepted request, reports that decline, the measured figures (partners made afterwards
 * count), and a claim that makes its claimant an owner once approved.
 */
import { afterEach, describe, expect, it } from "vitest";
import { validateEditable } from "../../../server/live/validate-editable";
import { ContactLimitError } from "../../../server/store/contact-requests";
import type { Store } from "../../../server/store/store";
import { ConflictError, type NotFoundError } from "../../../shared/errors";
import { organisation, project, smallDataset } from "../../fixtures/dataset";
import { newTestStore } from "../../fixtures/test-store";

const stores: Store[] = [];
async function account(store: Store, name: string): Promise<number> {
  return (
    await store.accounts.create({
      email: `${name.toLowerCase()}@example.org`,
      displayName: name,
      emailVerified: true,
      passwordHash: "x",
      role: "member",
    })
  ).id;
}
async function seeded() {
  const store = await newTestStore();
  stores.push(store);
  await store.importDataset(smallDataset(), "seed");
  const sender = await account(store, "Sara");
  const recipient = await account(store, "Rolf");
  const stranger = await account(store, "Stina");
  await store.accounts.addOwner(sender, { kind: "project", id: "open-up" });
  await store.accounts.addOwner(recipient, { kind: "organisation", id: "digidem-lab" });
  return { store, sender, recipient, stranger };
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const REASONS = { score: 0.4, sv: ["Arbetar med deltagande"], en: ["Works on participation"] };
const send = (
  store: Store,
  senderId: number,
  organisationId = "digidem-lab",
  now = new Date(),
  projectId = "open-up",
) =>
  store.contacts.create({ projectId, organisationId, senderId, message: "Hej!", reasons: REASONS }, 5, () => {}, now);

async function thrown(f: () => unknown): Promise<Error> {
  try {
    await f();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected it to throw");
}

describe("ContactRequestStore", () => {
  it("records an open request with its reasons, seen by the sender's side and the recipient's", async () => {
    const { store, sender, recipient, stranger } = await seeded();
    const id = await send(store, sender);
    const request = await store.contacts.byId(id, sender);
    expect(request).toMatchObject({
      projectId: "open-up",
      projectName: "Open Up!",
      organisationName: "Digidem Lab",
      message: "Hej!",
      reasons: { sv: REASONS.sv, en: REASONS.en },
      score: 0.4,
      status: "open",
      senderName: "Sara",
      reported: false,
    });
    expect(request?.contact).toBeUndefined();
    expect((await store.contacts.forAccount(sender)).sent.map((r) => r.id)).toEqual([id]);
    expect((await store.contacts.forAccount(recipient)).received.map((r) => r.id)).toEqual([id]);
    expect(await store.contacts.forAccount(stranger)).toEqual({ sent: [], received: [] });
  });

  it("refuses an unclaimed organisation, a partner already in the project and unknown ids, naming the field", async () => {
    const { store, sender, recipient } = await seeded();
    const unclaimed = await thrown(() => send(store, sender, "vinnova"));
    expect(unclaimed).toBeInstanceOf(ConflictError);
    expect(unclaimed.message).toMatch(/field "organisationId": .*has not claimed its profile/);
    await store.accounts.addOwner(recipient, { kind: "organisation", id: "open-knowledge-sweden" });
    expect((await thrown(() => send(store, sender, "open-knowledge-sweden"))).message).toMatch(/already a partner/);
    expect(((await thrown(() => send(store, sender, "nope"))) as NotFoundError).field).toBe("organisationId");
    expect(((await thrown(() => send(store, sender, "digidem-lab", new Date(), "nope"))) as NotFoundError).field).toBe(
      "projectId",
    );
    expect((await store.contacts.figures()).sent).toBe(0);
  });

  it("allows one open request per pair, and a new one once the first is answered", async () => {
    const { store, sender, recipient } = await seeded();
    const first = await send(store, sender);
    const again = await thrown(() => send(store, sender));
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as ConflictError).field).toBe("organisationId");
    await store.contacts.decide(first, recipient, "declined");
    expect(await send(store, sender)).toBeGreaterThan(first);
  });

  it("allows five requests per project in any 24 hours, and says when the next one may go", async () => {
    const { store, sender } = await seeded();
    const orgs = ["o1", "o2", "o3", "o4", "o5", "o6"];
    for (const id of orgs) {
      await store.entities.create(
        validateEditable({ kind: "organisation", record: organisation(id, { topics: ["participation"] }) }),
        null,
      );
      await store.accounts.addOwner(await account(store, `Owner-${id}`), { kind: "organisation", id });
    }
    const start = Date.parse("2026-12-01T08:00:00.000Z");
    for (const [i, id] of orgs.slice(0, 5).entries()) await send(store, sender, id, new Date(start + i * 60_000));
    const limited = await thrown(() => send(store, sender, "o6", new Date(start + 3_600_000)));
    expect(limited).toBeInstanceOf(ContactLimitError);
    expect(limited.message).toMatch(/field "projectId": .*5 contact requests/);
    expect((limited as ContactLimitError).retryAt).toBe("2026-12-02T08:00:00.000Z");
    // A day after the first, one slot is free again.
    expect(await send(store, sender, "o6", new Date(start + 24 * 3_600_000 + 1))).toBeGreaterThan(0);
  });

  it("shows each party the other's name and address once accepted, and no one else", async () => {
    const { store, sender, recipient, stranger } = await seeded();
    const coOwner = await account(store, "Cecilia");
    await store.accounts.addOwner(coOwner, { kind: "organisation", id: "digidem-lab" });
    const id = await send(store, sender);
    await store.contacts.decide(id, recipient, "accepted");
    expect((await store.contacts.byId(id, sender))?.contact).toEqual({ name: "Rolf", email: "rolf@example.org" });
    expect((await store.contacts.byId(id, recipient))?.contact).toEqual({ name: "Sara", email: "sara@example.org" });
    expect((await store.contacts.byId(id, coOwner))?.contact).toBeUndefined();
    expect((await store.contacts.byId(id, stranger))?.contact).toBeUndefined();
    expect((await store.contacts.byId(id))?.contact).toBeUndefined();
    expect((await thrown(() => store.contacts.decide(id, recipient, "declined"))).message).toMatch(
      /field "requestId": .*already accepted/,
    );
  });

  it("declines an open request when it is reported, once, and lists the report for coordinators", async () => {
    const { store, sender, recipient } = await seeded();
    const id = await send(store, sender);
    await store.contacts.report(id, recipient, "Reklam");
    expect((await store.contacts.byId(id))?.status).toBe("declined");
    // Only the recipient's side is told of the report; the sender sees a declined request.
    expect((await store.contacts.byId(id, recipient, "recipient"))?.reported).toBe(true);
    expect((await store.contacts.byId(id, sender, "sender"))?.reported).toBe(false);
    expect(await thrown(() => store.contacts.report(id, recipient, "igen"))).toBeInstanceOf(ConflictError);
    const [report] = await store.contacts.reports();
    expect(report).toMatchObject({ requestId: id, senderName: "Sara", reportedBy: "Rolf", note: "Reklam" });
    expect(JSON.stringify(await store.contacts.reports())).not.toMatch(/@example\.org/);
  });

  it("counts requests sent, their outcomes, and the organisations that became partners afterwards", async () => {
    const { store, sender, recipient } = await seeded();
    await store.accounts.addOwner(recipient, { kind: "organisation", id: "civic-tech-goteborg" });
    const accepted = await send(store, sender);
    await store.contacts.decide(accepted, recipient, "accepted");
    const declined = await send(store, sender, "civic-tech-goteborg");
    await store.contacts.decide(declined, recipient, "declined");
    expect(await store.contacts.figures()).toEqual({
      sent: 2,
      open: 0,
      accepted: 1,
      declined: 1,
      reported: 0,
      becamePartners: 0,
      acceptedBecamePartners: 0,
    });
    const openUp = project("open-up", {
      name: "Open Up!",
      lead: "open-knowledge-sweden",
      topics: ["open-data"],
      national: true,
      partners: ["digidem-lab"],
    });
    await store.entities.update(validateEditable({ kind: "project", record: openUp }), sender, 1);
    expect(await store.contacts.figures()).toMatchObject({ becamePartners: 1, acceptedBecamePartners: 1 });
  });
});

describe("OwnershipClaimStore", () => {
  it("queues a claim, refuses a second one waiting, and makes the claimant an owner on approval", async () => {
    const { store, stranger, recipient } = await seeded();
    const claim = await store.claims.create("vinnova", stranger, "Jag arbetar på Vinnova");
    expect(claim).toMatchObject({ organisationName: "Vinnova", status: "pending", claimantName: "Stina" });
    expect(((await thrown(() => store.claims.create("vinnova", stranger, "igen"))) as ConflictError).field).toBe(
      "organisationId",
    );
    expect(await store.contacts.isClaimed("vinnova")).toBe(false);
    const approved = await store.claims.approve(claim.id, recipient);
    expect(approved).toMatchObject({ status: "approved", decidedBy: "Rolf" });
    expect(await store.accounts.owns(stranger, { kind: "organisation", id: "vinnova" })).toBe(true);
    expect(await store.contacts.isClaimed("vinnova")).toBe(true);
    expect((await thrown(() => store.claims.create("vinnova", stranger, "igen"))).message).toMatch(/already own/);
    expect((await thrown(() => store.claims.approve(claim.id, recipient))).message).toMatch(/already approved/);
  });

  it("rejects with a reason and leaves ownership unchanged", async () => {
    const { store, stranger, recipient } = await seeded();
    const claim = await store.claims.create("vinnova", stranger, "Jag är Vinnova");
    expect(await store.claims.reject(claim.id, recipient, "Okänd avsändare")).toMatchObject({
      status: "rejected",
      reason: "Okänd avsändare",
    });
    expect(await store.accounts.owns(stranger, { kind: "organisation", id: "vinnova" })).toBe(false);
    expect(await store.claims.list("pending")).toEqual([]);
    expect((await store.claims.mine(stranger)).map((c) => c.status)).toEqual(["rejected"]);
  });
});
