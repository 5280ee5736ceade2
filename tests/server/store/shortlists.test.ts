/**
 * Pins the shortlist store on a real SQLite file: idempotent add, notes, the per-project limit, unknown ids named by
 * field, deleted organisations shown as gone, a deleted project's list out of reach until restored, and the entry
 * going with a hard-deleted entity (foreign keys).
 */
import { afterEach, describe, expect, it } from "vitest";
import { validateEditable } from "../../../server/live/validate-editable";
import { ShortlistStore } from "../../../server/store/shortlists";
import type { Store } from "../../../server/store/store";
import { ConflictError, NotFoundError } from "../../../shared/errors";
import { organisation, smallDataset } from "../../fixtures/dataset";
import { newTestStore } from "../../fixtures/test-store";

const stores: Store[] = [];
async function seeded(): Promise<{ store: Store; owner: number }> {
  const store = await newTestStore();
  stores.push(store);
  await store.importDataset(smallDataset(), "seed");
  const owner = (
    await store.accounts.create({
      email: "owner@example.org",
      displayName: "Olle Ägare",
      emailVerified: true,
      passwordHash: "x",
      role: "member",
    })
  ).id;
  return { store, owner };
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const P = "civic-tech-platform";

async function thrown(f: () => unknown): Promise<Error> {
  try {
    await f();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected it to throw");
}

describe("ShortlistStore", () => {
  it("adds an organisation with a note, who and when, and lists it with its name and kind", async () => {
    const { store, owner } = await seeded();
    const before = new Date().toISOString();
    const entry = await store.shortlists.add(
      { projectId: P, organisationId: "vinnova", note: "Fråga om utlysningen" },
      owner,
    );
    expect(entry).toMatchObject({
      organisationId: "vinnova",
      name: "Vinnova",
      kind: "funder",
      note: "Fråga om utlysningen",
      addedBy: "Olle Ägare",
      gone: false,
    });
    expect(entry.addedAt >= before.slice(0, 19)).toBe(true);
    expect(await store.shortlists.list(P)).toEqual([entry]);
    expect(await store.shortlists.list("open-up")).toEqual([]);
  });

  it("is idempotent: adding again keeps the entry, its author and time; a note given replaces the old one", async () => {
    const { store, owner } = await seeded();
    const first = await store.shortlists.add({ projectId: P, organisationId: "vinnova", note: "Först" }, owner);
    const again = await store.shortlists.add({ projectId: P, organisationId: "vinnova" }, owner);
    expect(again).toEqual(first);
    const renoted = await store.shortlists.add({ projectId: P, organisationId: "vinnova", note: "Sedan" }, owner);
    expect(renoted).toMatchObject({ note: "Sedan", addedAt: first.addedAt });
    expect(await store.shortlists.list(P)).toHaveLength(1);
  });

  it("updates and clears a note; updating an organisation not on the list is 404 naming organisationId", async () => {
    const { store, owner } = await seeded();
    await store.shortlists.add({ projectId: P, organisationId: "civic-tech-goteborg" }, owner);
    expect(
      (await store.shortlists.update({ projectId: P, organisationId: "civic-tech-goteborg", note: "Ring Anna" })).note,
    ).toBe("Ring Anna");
    expect(
      await (await store.shortlists.update({ projectId: P, organisationId: "civic-tech-goteborg", note: "" })).note,
    ).toBe("");
    const error = await thrown(() => store.shortlists.update({ projectId: P, organisationId: "vinnova", note: "x" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).field).toBe("organisationId");
  });

  it("removes an entry; removing it again changes nothing; an unknown organisation is 404", async () => {
    const { store, owner } = await seeded();
    await store.shortlists.add({ projectId: P, organisationId: "vinnova" }, owner);
    expect(await store.shortlists.remove({ projectId: P, organisationId: "vinnova" })).toEqual({ removed: true });
    expect(await store.shortlists.remove({ projectId: P, organisationId: "vinnova" })).toEqual({ removed: false });
    expect(await store.shortlists.list(P)).toEqual([]);
    const error = await thrown(() => store.shortlists.remove({ projectId: P, organisationId: "no-such-org" }));
    expect(error.message).toBe('field "organisationId": no organisation with id "no-such-org"');
  });

  it("refuses unknown ids, naming the field, and writes nothing", async () => {
    const { store, owner } = await seeded();
    const project = await thrown(() => store.shortlists.add({ projectId: "nope", organisationId: "vinnova" }, owner));
    expect(project).toBeInstanceOf(NotFoundError);
    expect(project.message).toBe('field "projectId": no project with id "nope"');
    const org = await thrown(() => store.shortlists.add({ projectId: P, organisationId: "nope" }, owner));
    expect((org as NotFoundError).field).toBe("organisationId");
    // A project id is not an organisation id, even though both are slugs.
    expect(await thrown(() => store.shortlists.add({ projectId: P, organisationId: "open-up" }, owner))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await store.shortlists.list(P)).toEqual([]);
  });

  it("holds at most maxEntries per project; re-adding one already there still works at the limit", async () => {
    const { store, owner } = await seeded();
    const small = new ShortlistStore(store.db, 2);
    // Open Up! is led by Open Knowledge Sweden: the other three may be saved.
    await small.add({ projectId: "open-up", organisationId: "vinnova" }, owner);
    await small.add({ projectId: "open-up", organisationId: "digidem-lab" }, owner);
    const error = await thrown(() => small.add({ projectId: "open-up", organisationId: "civic-tech-goteborg" }, owner));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/^field "organisationId": the shortlist already holds 2 organisations/);
    expect((await small.add({ projectId: "open-up", organisationId: "vinnova", note: "ändå" }, owner)).note).toBe(
      "ändå",
    );
    // The limit is per project.
    expect((await small.add({ projectId: P, organisationId: "civic-tech-goteborg" }, owner)).gone).toBe(false);
    expect(await small.list("open-up")).toHaveLength(2);
  });

  it("refuses the project's own lead and partners (409 naming organisationId) and writes nothing", async () => {
    const { store, owner } = await seeded();
    for (const id of ["digidem-lab", "open-knowledge-sweden"]) {
      const error = await thrown(() => store.shortlists.add({ projectId: P, organisationId: id }, owner));
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).field).toBe("organisationId");
      expect(error.message).toContain(`"${id}" is already a partner of project "${P}"`);
    }
    expect(await store.shortlists.list(P)).toEqual([]);
  });

  it("keeps a soft-deleted organisation on the list, marked gone, and refuses to add it anew", async () => {
    const { store, owner } = await seeded();
    await store.shortlists.add({ projectId: P, organisationId: "civic-tech-goteborg", note: "n" }, owner);
    await store.entities.delete({ kind: "organisation", id: "civic-tech-goteborg" }, owner);
    expect(await store.shortlists.list(P)).toMatchObject([
      { organisationId: "civic-tech-goteborg", name: "Civic Tech Göteborg", gone: true },
    ]);
    expect(
      await thrown(() => store.shortlists.add({ projectId: "open-up", organisationId: "civic-tech-goteborg" }, owner)),
    ).toBeInstanceOf(NotFoundError);
    expect(await store.shortlists.remove({ projectId: P, organisationId: "civic-tech-goteborg" })).toEqual({
      removed: true,
    });
  });

  it("puts a soft-deleted project's list out of reach and brings it back when the project is restored", async () => {
    const { store, owner } = await seeded();
    await store.shortlists.add({ projectId: P, organisationId: "vinnova", note: "kvar" }, owner);
    await store.entities.delete({ kind: "project", id: P }, owner);
    expect(await (await thrown(() => store.shortlists.list(P))).message).toBe(
      `field "projectId": no project with id "${P}"`,
    );
    await store.entities.undelete({ kind: "project", id: P }, owner, validateEditable, "restored");
    expect(await store.shortlists.list(P)).toMatchObject([{ organisationId: "vinnova", note: "kvar" }]);
  });

  it("goes with either entity when its row is deleted outright, and with nothing else", async () => {
    const { store, owner } = await seeded();
    await store.entities.create({ kind: "organisation", record: organisation("short-lived") }, owner);
    await store.shortlists.add({ projectId: P, organisationId: "short-lived" }, owner);
    await store.shortlists.add({ projectId: P, organisationId: "vinnova" }, owner);
    await store.db.run("DELETE FROM entity WHERE kind = 'organisation' AND id = 'short-lived'");
    expect(await (await store.shortlists.list(P)).map((e) => e.organisationId)).toEqual(["vinnova"]);
    const count = await store.db.get<{ n: number | string }>("SELECT count(*) AS n FROM shortlist_entry");
    expect(Number(count?.n)).toBe(1);
  });

  it("refuses a note longer than the limit in the database itself", async () => {
    const { store, owner } = await seeded();
    await store.shortlists.add({ projectId: P, organisationId: "vinnova" }, owner);
    await expect(
      store.db.run("UPDATE shortlist_entry SET note = ? WHERE organisation_id = 'vinnova'", "å".repeat(1001)),
    ).rejects.toThrow(/CHECK constraint failed|violates check constraint/);
  });
});
