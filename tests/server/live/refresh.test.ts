/**
 * A read model patched after writes must equal one loaded from the store afresh: same records, nodes and edges in the
 * same order, same match index, same search hits. Random creates, updates, deletes, restores and imports on a real
 * SQLite file (and on PostgreSQL, in the postgres project), compared with a full reload after every write.
 */
import { describe, expect, it } from "vitest";
import { readTaxonomy } from "../../../server/cli/generate";
import { generateDataset } from "../../../server/generate/generate-dataset";
import { Random } from "../../../server/generate/random";
import { patchDataset } from "../../../server/live/patch-dataset";
import { refreshServices } from "../../../server/live/refresh";
import { loadServices, type Services } from "../../../server/services";
import { writeImportedEntities } from "../../../server/store/import-entities";
import type { Store } from "../../../server/store/store";
import type { Dataset } from "../../../shared/schema/dataset";
import { organisation, project, smallDataset } from "../../fixtures/dataset";
import { newTestStore, storeUnderTest } from "../../fixtures/test-store";

const pick = <T>(random: Random, list: readonly T[]): T => list[random.below(list.length)] as T;
const some = <T>(random: Random, list: readonly T[], most: number): T[] => [
  ...new Set(Array.from({ length: random.int(0, most) }, () => pick(random, list))),
];

async function expectSameReadModel(patched: Services, store: Store) {
  const fresh = await loadServices(store, { warmSearch: false });
  expect(patched.dataVersion).toBe(fresh.dataVersion);
  expect(patched.writeSeq).toBe(fresh.writeSeq);
  expect(patched.data).toEqual(fresh.data);
  expect(patched.graph.nodes()).toEqual(fresh.graph.nodes());
  expect(patched.graph.edges()).toEqual(fresh.graph.edges());
  expect(patched.matchIndex).toEqual(fresh.matchIndex);
  fresh.search.buildSome(Number.POSITIVE_INFINITY);
  // The patched index may still be warming in the background (the store's awaits let it run): compare it complete.
  patched.search.buildSome(Number.POSITIVE_INFINITY);
  const hits = (s: Services, query: string) =>
    s.search
      .search(query, { limit: 1000 })
      .map((h) => h.node.key)
      .sort();
  for (const query of ["changed", "projekt", "association", "open", "stockholm"])
    expect(hits(patched, query), query).toEqual(hits(fresh, query));
}

describe("patchDataset", () => {
  it("replaces, adds and removes records, keeps each list ordered by id and shares the untouched lists", async () => {
    const data = smallDataset();
    const patched = patchDataset(data, [
      { kind: "project", id: "aaa-first", record: project("aaa-first") },
      { kind: "project", id: "open-up", record: null },
      { kind: "project", id: "civic-tech-platform", record: project("civic-tech-platform", { name: "Renamed" }) },
    ]);
    expect(patched.projects.map((p) => p.id)).toEqual(["aaa-first", "civic-tech-platform"]);
    expect(patched.projects[1]?.name).toBe("Renamed");
    expect(patched.organisations).toBe(data.organisations);
    expect(data.projects.map((p) => p.id)).toContain("open-up"); // the old data set is untouched
  });
});

describe(`refreshServices on ${storeUnderTest}`, () => {
  // 80 writes, each compared with a full reload: seconds, more on a busy machine (hence the longer timeout).
  it("after random writes, equals a read model loaded from the store afresh", async () => {
    const store = await newTestStore();
    const seedData: Dataset = generateDataset({ projects: 40, organisations: 60, seed: 11 }, readTaxonomy("data"));
    await store.importDataset(seedData, "synthetic");
    const services = await loadServices(store, { warmSearch: false });
    services.search.buildSome(Number.POSITIVE_INFINITY);
    const random = Random.fromSeed(5);
    const topics = seedData.topics.map((t) => t.id);
    const regions = seedData.regions.map((r) => r.code);
    let created = 0;
    for (let step = 1; step <= 80; step++) {
      const orgs = services.data.organisations.map((o) => o.id);
      const projects = services.data.projects;
      // Edits (patched in place) twice as often as creations, deletions and restores (rebuilt).
      const roll = [0, 1, 1, 2, 2, 3, 4, 5][random.below(8)] as number;
      if (roll === 0) {
        created++;
        await store.entities.create(
          {
            kind: "project",
            record: project(`changed-project-${created}`, {
              topics: some(random, topics, 3),
              regions: some(random, regions, 2),
              partners: some(random, orgs, 3),
            }),
          },
          null,
        );
      } else if (roll === 1) {
        const p = pick(random, projects);
        // New name, topics and partners (and sometimes no lead): memberships, topic profiles and postings move.
        const partners = some(random, orgs, 4);
        const lead = random.chance(0.3) ? undefined : p.lead;
        await store.entities.update(
          {
            kind: "project",
            record: {
              ...p,
              name: `${p.name} changed`,
              topics: some(random, topics, 4),
              skillsNeeded: some(
                random,
                seedData.skills.map((k) => k.id),
                2,
              ),
              regions: some(random, regions, 2),
              lead,
              partners: partners.filter((o) => o !== lead),
            },
          },
          null,
        );
      } else if (roll === 2) {
        const o = pick(random, services.data.organisations);
        await store.entities.update(
          {
            kind: "organisation",
            record: {
              ...o,
              name: `${o.name} changed`,
              regions: some(random, regions, 3),
              topics: some(random, topics, 3),
              skills: some(
                random,
                seedData.skills.map((k) => k.id),
                2,
              ),
              national: !o.national,
            },
          },
          null,
        );
      } else if (roll === 3) {
        await store.entities.delete({ kind: "project", id: pick(random, projects).id }, null);
      } else if (roll === 4) {
        const deleted = await store.entities.deleted();
        if (deleted.length > 0) {
          const d = pick(random, deleted);
          await store.entities.restore(d.restoreChangeId, null, (e) => e);
        }
      } else {
        created++;
        const id = `changed-organisation-${created}`;
        await writeImportedEntities(
          store.db,
          [
            { kind: "organisation", record: organisation(id, { topics: some(random, topics, 2) }) },
            { kind: "project", record: project(`changed-import-${created}`, { lead: id }) },
          ],
          (await store.info()).dataVersion,
        );
      }
      await refreshServices(services);
      await expectSameReadModel(services, store);
    }
    await store.close();
  }, 60_000);

  it("does nothing when nothing was written", async () => {
    const store = await newTestStore();
    await store.importDataset(smallDataset(), "seed");
    const services = await loadServices(store, { warmSearch: false });
    const graph = services.graph;
    await refreshServices(services);
    expect(services.graph).toBe(graph);
    await store.close();
  });
});
