/**
 * Pins the contact-request and profile-claim stores on a real SQLite file: only claimed organisations can be written
 * to, one open request per pair and a daily limit per project (each refusal naming its field), addresses shown only
 * to the two parties of an accepted request, reports that decline, the measured figures (partners made afterwards
 * count), and a claim that makes its claimant an owner once approved.
 */
import { afterEach, describe, expect, it } from "vitest";
import { validateEditable } from "../../../server/live/validate-editable";
import { ContactLimitError } from "../../../server/store/contact-requests";
import { Store } from "../../../server/store/store";
import { ConflictError, type NotFoundError } from "../../../shared/errors";
import { organisation, project, smallDataset, tempDatabasePath } from "../../fixtures/dataset";

const stores: Store[] = [];
function account(store: Store, name: string): number {
  return store.accounts.create({
    email: `${name.toLowerCase()}@example.org`,
    displayName: name,
    emailVerified: true,
    passwordHash: "x",
    role: "member",
  }).id;
}
function seeded() {
  const store = new Store(tempDatabasePath());
  stores.push(store);
  store.importDataset(smallDataset(), "seed");
  const sender = account(store, "Sara");
  const recipient = account(store, "Rolf");
  const stranger = account(store, "Stina");
  store.accounts.addOwner(sender, { kind: "project", id: "open-up" });
  store.accounts.addOwner(recipient, { kind: "organisation", id: "digidem-lab" });
  return { store, sender, recipient, stranger };
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
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

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected it to throw");
}

describe("ContactRequestStore", () => {
  it("records an open request with its reasons, seen by the sender's side and the recipient's", () => {
    const { store, sender, recipient, stranger } = seeded();
    const id = send(store, sender);
    const request = store.contacts.byId(id, sender);
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
    expect(store.contacts.forAccount(sender).sent.map((r) => r.id)).toEqual([id]);
    expect(store.contacts.forAccount(recipient).received.map((r) => r.id)).toEqual([id]);
    expect(store.contacts.forAccount(stranger)).toEqual({ sent: [], received: [] });
  });

  it("refuses an unclaimed organisation, a partner already in the project and unknown ids, naming the field", () => {
    const { store, sender } = seeded();
    const unclaimed = thrown(() => send(store, sender, "vinnova"));
    expect(unclaimed).toBeInstanceOf(ConflictError);
    expect(unclaimed.message).toMatch(/field "organisationId": .*has not claimed its profile/);
    store.accounts.addOwner(sender, { kind: "organisation", id: "open-knowledge-sweden" });
    expect(thrown(() => send(store, sender, "open-knowledge-sweden")).message).toMatch(/already a partner/);
    expect((thrown(() => send(store, sender, "nope")) as NotFoundError).field).toBe("organisationId");
    expect((thrown(() => send(store, sender, "digidem-lab", new Date(), "nope")) as NotFoundError).field).toBe(
      "projectId",
    );
    expect(store.contacts.figures().sent).toBe(0);
  });

  it("allows one open request per pair, and a new one once the first is answered", () => {
    const { store, sender, recipient } = seeded();
    const first = send(store, sender);
    const again = thrown(() => send(store, sender));
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as ConflictError).field).toBe("organisationId");
    store.contacts.decide(first, recipient, "declined");
    expect(send(store, sender)).toBeGreaterThan(first);
  });

  it("allows five requests per project in any 24 hours, and says when the next one may go", () => {
    const { store, sender } = seeded();
    const orgs = ["o1", "o2", "o3", "o4", "o5", "o6"];
    for (const id of orgs) {
      store.entities.create(
        validateEditable({ kind: "organisation", record: organisation(id, { topics: ["participation"] }) }),
        null,
      );
      store.accounts.addOwner(account(store, `Owner-${id}`), { kind: "organisation", id });
    }
    const start = Date.parse("2026-12-01T08:00:00.000Z");
    for (const [i, id] of orgs.slice(0, 5).entries()) send(store, sender, id, new Date(start + i * 60_000));
    const limited = thrown(() => send(store, sender, "o6", new Date(start + 3_600_000)));
    expect(limited).toBeInstanceOf(ContactLimitError);
    expect(limited.message).toMatch(/field "projectId": .*5 contact requests/);
    expect((limited as ContactLimitError).retryAt).toBe("2026-12-02T08:00:00.000Z");
    // A day after the first, one slot is free again.
    expect(send(store, sender, "o6", new Date(start + 24 * 3_600_000 + 1))).toBeGreaterThan(0);
  });

  it("shows each party the other's name and address once accepted, and no one else", () => {
    const { store, sender, recipient, stranger } = seeded();
    const coOwner = account(store, "Cecilia");
    store.accounts.addOwner(coOwner, { kind: "organisation", id: "digidem-lab" });
    const id = send(store, sender);
    store.contacts.decide(id, recipient, "accepted");
    expect(store.contacts.byId(id, sender)?.contact).toEqual({ name: "Rolf", email: "rolf@example.org" });
    expect(store.contacts.byId(id, recipient)?.contact).toEqual({ name: "Sara", email: "sara@example.org" });
    expect(store.contacts.byId(id, coOwner)?.contact).toBeUndefined();
    expect(store.contacts.byId(id, stranger)?.contact).toBeUndefined();
    expect(store.contacts.byId(id)?.contact).toBeUndefined();
    expect(thrown(() => store.contacts.decide(id, recipient, "declined")).message).toMatch(
      /field "requestId": .*already accepted/,
    );
  });

  it("declines an open request when it is reported, once, and lists the report for coordinators", () => {
    const { store, sender, recipient } = seeded();
    const id = send(store, sender);
    store.contacts.report(id, recipient, "Reklam");
    expect(store.contacts.byId(id)?.status).toBe("declined");
    expect(store.contacts.byId(id)?.reported).toBe(true);
    expect(thrown(() => store.contacts.report(id, recipient, "igen"))).toBeInstanceOf(ConflictError);
    const [report] = store.contacts.reports();
    expect(report).toMatchObject({ requestId: id, senderName: "Sara", reportedBy: "Rolf", note: "Reklam" });
    expect(JSON.stringify(store.contacts.reports())).not.toMatch(/@example\.org/);
  });

  it("counts requests sent, their outcomes, and the organisations that became partners afterwards", () => {
    const { store, sender, recipient } = seeded();
    store.accounts.addOwner(recipient, { kind: "organisation", id: "civic-tech-goteborg" });
    const accepted = send(store, sender);
    store.contacts.decide(accepted, recipient, "accepted");
    const declined = send(store, sender, "civic-tech-goteborg");
    store.contacts.decide(declined, recipient, "declined");
    expect(store.contacts.figures()).toEqual({
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
    store.entities.update(validateEditable({ kind: "project", record: openUp }), sender, 1);
    expect(store.contacts.figures()).toMatchObject({ becamePartners: 1, acceptedBecamePartners: 1 });
  });
});

describe("OwnershipClaimStore", () => {
  it("queues a claim, refuses a second one waiting, and makes the claimant an owner on approval", () => {
    const { store, stranger, recipient } = seeded();
    const claim = store.claims.create("vinnova", stranger, "Jag arbetar på Vinnova");
    expect(claim).toMatchObject({ organisationName: "Vinnova", status: "pending", claimantName: "Stina" });
    expect((thrown(() => store.claims.create("vinnova", stranger, "igen")) as ConflictError).field).toBe(
      "organisationId",
    );
    expect(store.contacts.isClaimed("vinnova")).toBe(false);
    const approved = store.claims.approve(claim.id, recipient);
    expect(approved).toMatchObject({ status: "approved", decidedBy: "Rolf" });
    expect(store.accounts.owns(stranger, { kind: "organisation", id: "vinnova" })).toBe(true);
    expect(store.contacts.isClaimed("vinnova")).toBe(true);
    expect(thrown(() => store.claims.create("vinnova", stranger, "igen")).message).toMatch(/already own/);
    expect(thrown(() => store.claims.approve(claim.id, recipient)).message).toMatch(/already approved/);
  });

  it("rejects with a reason and leaves ownership unchanged", () => {
    const { store, stranger, recipient } = seeded();
    const claim = store.claims.create("vinnova", stranger, "Jag är Vinnova");
    expect(store.claims.reject(claim.id, recipient, "Okänd avsändare")).toMatchObject({
      status: "rejected",
      reason: "Okänd avsändare",
    });
    expect(store.accounts.owns(stranger, { kind: "organisation", id: "vinnova" })).toBe(false);
    expect(store.claims.list("pending")).toEqual([]);
    expect(store.claims.mine(stranger).map((c) => c.status)).toEqual(["rejected"]);
  });
});
