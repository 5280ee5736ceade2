/**
 * The store's one reference check (store/reference-integrity.ts) catches a broken reference whatever wrote it, since
 * it reads what the transaction wrote from the journal and the records themselves: a record changed without its
 * reference rows, an entity soft-deleted while used, a reference to an entity that never existed. And the import's
 * nesting check counts only brackets outside strings.
 */
import { afterEach, describe, expect, it } from "vitest";
import { tooDeepAt } from "../../../server/import/json-text";
import {
  BrokenReferenceError,
  checkedTransaction,
  findBrokenReferences,
  StillReferencedError,
} from "../../../server/store/reference-integrity";
import { Store } from "../../../server/store/store";
import { smallDataset, tempDatabasePath } from "../../fixtures/dataset";

const stores: Store[] = [];
async function seeded(): Promise<Store> {
  const store = new Store(tempDatabasePath());
  await store.importDataset(smallDataset(), "seed");
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
const dump = (store: Store) => JSON.stringify(store.db.raw.prepare("SELECT * FROM entity ORDER BY kind, id").all());

// The statements run on the raw handle inside the transaction: it holds the one SQLite connection, so they are part of it.
describe("checkedTransaction", () => {
  it("refuses a record rewritten to name a deleted organisation, even when its reference rows were not", async () => {
    const store = await seeded();
    store.db.raw
      .prepare(
        "UPDATE entity SET deleted_at = 'x', version = version + 1 WHERE kind = 'organisation' AND id = 'civic-tech-goteborg'",
      )
      .run();
    const before = dump(store);
    const write = () =>
      checkedTransaction(store.db, async () =>
        store.db.raw
          .prepare(
            "UPDATE entity SET data = json_set(data, '$.lead', 'civic-tech-goteborg'), version = version + 1 WHERE id = 'open-up'",
          )
          .run(),
      );
    await expect(write()).rejects.toThrow(BrokenReferenceError);
    await expect(write()).rejects.toThrow(/record\.lead.*organisation "civic-tech-goteborg" is deleted/);
    expect(dump(store)).toBe(before);
  });

  it("refuses a soft-delete of what a live project or funding call still names, naming them", async () => {
    const store = await seeded();
    const remove = (id: string) =>
      checkedTransaction(store.db, async () =>
        store.db.raw
          .prepare("UPDATE entity SET deleted_at = 'x', version = version + 1 WHERE kind = 'organisation' AND id = ?")
          .run(id),
      );
    await expect(remove("open-knowledge-sweden")).rejects.toThrow(StillReferencedError);
    await expect(remove("open-knowledge-sweden")).rejects.toThrow(
      /project "civic-tech-platform" \(partners\), project "open-up" \(lead\)/,
    );
    await expect(remove("vinnova")).rejects.toThrow(/funding call "vinnova-civic-tech-2019" \(funder\)/);
    expect(await findBrokenReferences(store.db)).toEqual([]);
  });

  it("lets through what leaves every reference live, and only checks what it wrote", async () => {
    const store = await seeded();
    store.db.raw
      .prepare("UPDATE entity SET data = json_set(data, '$.lead', 'ghost'), version = version + 1 WHERE id = 'open-up'")
      .run();
    const rename = checkedTransaction(store.db, async () =>
      store.db.raw
        .prepare(
          "UPDATE entity SET data = json_set(data, '$.name', 'X'), version = version + 1 WHERE id = 'civic-tech-platform'",
        )
        .run(),
    );
    await expect(rename).resolves.toBeDefined();
    expect((await findBrokenReferences(store.db)).map((b) => [b.from.id, b.reference.field, b.target])).toEqual([
      ["open-up", "lead", "missing"],
    ]);
  });
});

describe("tooDeepAt", () => {
  it("finds the first bracket past the limit, ignoring brackets in strings and escaped quotes", async () => {
    expect(tooDeepAt("[[[1]]]", 3)).toBe(-1);
    expect(tooDeepAt("[[[[1]]]]", 3)).toBe(3);
    expect(tooDeepAt('["[[[[", {"a\\"[[[": [1]}]', 3)).toBe(-1);
    expect(tooDeepAt(`${"[".repeat(100_000)}`, 20)).toBe(20);
  });
});
