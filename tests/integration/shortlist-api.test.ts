/**
 * The shortlist over real HTTP with a real SQLite file: a project's owner adds, lists, annotates and removes
 * organisations and downloads the list as CSV whose scores agree with match.partners; outsiders get 401 or 403, on
 * the procedures and on the file alike; limits, unknown ids and bad input are refused naming the field; writes need
 * the CSRF header or the site's own Origin.
 */
import { TRPCClientError } from "@trpc/client";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password";
import type { RunningServer } from "../../server/http/server";
import { SHORTLIST_MAX_ENTRIES } from "../../shared/schema/limits";
import type { PartnerSuggestions } from "../../shared/schema/match";
import { organisation, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { cookieOf, createAccount, trpcFailure as failure, sessionClientFor, startTestServer } from "./server-helpers";

const P = "civic-tech-platform";
let server: RunningServer;
let owner: ReturnType<typeof sessionClientFor>;
let outsider: ReturnType<typeof sessionClientFor>;
let coordinator: ReturnType<typeof sessionClientFor>;
let ownerId: number;
const OWNER_EMAIL = "olle.agare@example.org";

async function signedIn(role: "member" | "coordinator", name: string) {
  const account = await createAccount(server.store, role, name);
  const client = sessionClientFor(server.url);
  await client.auth.login.mutate({ email: account.email, password: account.password });
  return { client, id: account.id };
}

/** The CSV as the given client's browser would fetch it (its session cookie, no CSRF header: a plain GET). */
function download(client: object | undefined, projectId: string, query = "") {
  const headers: Record<string, string> = client ? { cookie: cookieOf(client) } : {};
  return fetch(`${server.url}/api/shortlist/${projectId}.csv${query}`, { headers });
}

/** The rows as a spreadsheet reads them (quotes undone); the file's own spelling is checked on its text. */
const rowsOf = (text: string, delimiter: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter, newline: "\r\n", skipEmptyLines: true }).data;

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError)) throw new Error("expected a tRPC error");
  return (error.data as { fieldErrors: Record<string, string[]> }).fieldErrors;
}

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  ownerId = (
    await server.store.accounts.create({
      email: OWNER_EMAIL,
      displayName: "Olle Ägare",
      emailVerified: true,
      role: "member",
      passwordHash: await hashPassword("correct horse battery owner"),
    })
  ).id;
  await server.store.accounts.addOwner(ownerId, { kind: "project", id: P });
  owner = sessionClientFor(server.url);
  await owner.auth.login.mutate({ email: OWNER_EMAIL, password: "correct horse battery owner" });
  outsider = (await signedIn("member", "Outsider")).client;
  coordinator = (await signedIn("coordinator", "Cora Coordinator")).client;
});
afterAll(async () => {
  await server?.close();
});

describe("shortlist procedures", () => {
  it("lets the owner add with a note, list, add again (idempotent), edit the note and remove", async () => {
    expect(await owner.shortlist.list.query({ projectId: P })).toEqual({
      projectId: P,
      entries: [],
      max: SHORTLIST_MAX_ENTRIES,
    });
    const added = await owner.shortlist.add.mutate({ projectId: P, organisationId: "vinnova", note: "Utlysningen?" });
    expect(added).toMatchObject({ organisationId: "vinnova", name: "Vinnova", note: "Utlysningen?", gone: false });
    expect(await owner.shortlist.add.mutate({ projectId: P, organisationId: "vinnova" })).toEqual(added);
    await owner.shortlist.add.mutate({ projectId: P, organisationId: "civic-tech-goteborg" });
    const list = await owner.shortlist.list.query({ projectId: P });
    expect(list.entries.map((e) => [e.organisationId, e.note, e.addedBy])).toEqual([
      ["vinnova", "Utlysningen?", "Olle Ägare"],
      ["civic-tech-goteborg", "", "Olle Ägare"],
    ]);
    const edited = await owner.shortlist.update.mutate({ projectId: P, organisationId: "vinnova", note: "Ring  Eva" });
    expect(edited.note).toBe("Ring  Eva");
    expect(await owner.shortlist.remove.mutate({ projectId: P, organisationId: "civic-tech-goteborg" })).toEqual({
      removed: true,
    });
    expect(await owner.shortlist.remove.mutate({ projectId: P, organisationId: "civic-tech-goteborg" })).toEqual({
      removed: false,
    });
    expect((await owner.shortlist.list.query({ projectId: P })).entries.map((e) => e.organisationId)).toEqual([
      "vinnova",
    ]);
  });

  it("lets coordinators read and change any project's list; refuses outsiders (403) and the signed-out (401)", async () => {
    await coordinator.shortlist.add.mutate({ projectId: "open-up", organisationId: "digidem-lab" });
    expect((await coordinator.shortlist.list.query({ projectId: "open-up" })).entries).toHaveLength(1);
    const anonymous = sessionClientFor(server.url);
    for (const client of [outsider, anonymous]) {
      const status = client === outsider ? 403 : 401;
      expect((await failure(client.shortlist.list.query({ projectId: P }))).status).toBe(status);
      expect((await failure(client.shortlist.add.mutate({ projectId: P, organisationId: "digidem-lab" }))).status).toBe(
        status,
      );
      expect(
        (await failure(client.shortlist.update.mutate({ projectId: P, organisationId: "vinnova", note: "x" }))).status,
      ).toBe(status);
      expect((await failure(client.shortlist.remove.mutate({ projectId: P, organisationId: "vinnova" }))).status).toBe(
        status,
      );
    }
    // The owner of one project has no say over another's list.
    expect((await failure(owner.shortlist.list.query({ projectId: "open-up" }))).status).toBe(403);
    expect((await owner.shortlist.list.query({ projectId: P })).entries.map((e) => e.note)).toEqual(["Ring  Eva"]);
  });

  it("answers unknown ids with 404 naming the field, and bad input with 400 naming the field", async () => {
    const unknownOrg = await failure(owner.shortlist.add.mutate({ projectId: P, organisationId: "no-such-org" }));
    expect(unknownOrg).toEqual({
      status: 404,
      message: 'field "organisationId": no organisation with id "no-such-org"',
    });
    expect(await fieldErrors(owner.shortlist.add.mutate({ projectId: P, organisationId: "no-such-org" }))).toEqual({
      organisationId: ['no organisation with id "no-such-org"'],
    });
    const notListed = await failure(
      owner.shortlist.update.mutate({ projectId: P, organisationId: "digidem-lab", note: "" }),
    );
    expect(notListed.status).toBe(404);
    expect(notListed.message).toMatch(/^field "organisationId"/);
    // Only a coordinator passes the owner check for a project that does not exist, and learns it does not.
    expect(await failure(coordinator.shortlist.list.query({ projectId: "no-such-project" }))).toEqual({
      status: 404,
      message: 'field "projectId": no project with id "no-such-project"',
    });

    const tooLong = await failure(
      owner.shortlist.add.mutate({ projectId: P, organisationId: "digidem-lab", note: "å".repeat(1001) }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.message).toMatch(/^Invalid input: field "note": /);
    const badSlug = await failure(owner.shortlist.list.query({ projectId: "Not A Slug" }));
    expect(badSlug.status).toBe(400);
    expect(badSlug.message).toMatch(/field "projectId"/);
    const hidden = await failure(
      owner.shortlist.update.mutate({ projectId: P, organisationId: "vinnova", note: "a\u202Eb" }),
    );
    expect(hidden.message).toMatch(/field "note": contains a bidirectional text control/);
    expect((await owner.shortlist.list.query({ projectId: P })).entries.map((e) => e.organisationId)).toEqual([
      "vinnova",
    ]);
  });

  it("refuses the project's own lead and partners with 409 naming organisationId, and saves nothing", async () => {
    const before = (await owner.shortlist.list.query({ projectId: P })).entries;
    // Civic Tech Platform: Digidem Lab leads it, Open Knowledge Sweden is a partner.
    const partner = await failure(
      owner.shortlist.add.mutate({ projectId: P, organisationId: "open-knowledge-sweden" }),
    );
    expect(partner.status).toBe(409);
    expect(partner.message).toBe(
      'field "organisationId": "open-knowledge-sweden" is already a partner of project "civic-tech-platform"; ' +
        "the shortlist is for organisations not yet in the project",
    );
    const lead = await failure(owner.shortlist.add.mutate({ projectId: P, organisationId: "digidem-lab" }));
    expect(lead.status).toBe(409);
    expect(lead.message).toMatch(
      /^field "organisationId": "digidem-lab" is already a partner of project "civic-tech-platform" \(its lead\)/,
    );
    expect((await owner.shortlist.list.query({ projectId: P })).entries).toEqual(before);
  });

  it(`holds at most ${SHORTLIST_MAX_ENTRIES} organisations per project: the next is 409 naming organisationId`, async () => {
    const store = server.store;
    await store.entities.create(
      { kind: "project", record: { ...smallDataset().projects[1], id: "busy" } } as never,
      null,
    );
    await store.accounts.addOwner(ownerId, { kind: "project", id: "busy" });
    for (let i = 0; i < SHORTLIST_MAX_ENTRIES; i++) {
      const id = `org-${i}`;
      await store.entities.create({ kind: "organisation", record: organisation(id) }, null);
      await store.shortlists.add({ projectId: "busy", organisationId: id }, ownerId);
    }
    const full = await failure(owner.shortlist.add.mutate({ projectId: "busy", organisationId: "vinnova" }));
    expect(full.status).toBe(409);
    expect(full.message).toBe(
      `field "organisationId": the shortlist already holds ${SHORTLIST_MAX_ENTRIES} organisations, the most allowed; remove one first`,
    );
    // Adding one already there is still fine, and after a removal there is room again.
    await owner.shortlist.add.mutate({ projectId: "busy", organisationId: "org-0", note: "redan med" });
    await owner.shortlist.remove.mutate({ projectId: "busy", organisationId: "org-1" });
    await owner.shortlist.add.mutate({ projectId: "busy", organisationId: "vinnova" });
    expect((await owner.shortlist.list.query({ projectId: "busy" })).entries).toHaveLength(SHORTLIST_MAX_ENTRIES);
  });

  it("refuses a write without the CSRF header or from another site, and writes nothing", async () => {
    const body = JSON.stringify({ projectId: P, organisationId: "digidem-lab" });
    const headers = { "content-type": "application/json", cookie: cookieOf(owner) };
    const bare = await fetch(`${server.url}/trpc/shortlist.add`, { method: "POST", headers, body });
    expect(bare.status).toBe(403);
    const foreign = await fetch(`${server.url}/trpc/shortlist.add`, {
      method: "POST",
      headers: { ...headers, origin: "https://evil.example" },
      body,
    });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message).toMatch(/^Cross-site request refused/);
    expect((await owner.shortlist.list.query({ projectId: P })).entries.map((e) => e.organisationId)).toEqual([
      "vinnova",
    ]);
  });
});

describe("shortlist CSV", () => {
  it("serves the list as UTF-8 CSV with a BOM: columns, score and reasons as match.partners gives them, note, date", async () => {
    await owner.shortlist.add.mutate({ projectId: P, organisationId: "civic-tech-goteborg", note: '=HYPERLINK("x")' });
    const response = await download(owner, P);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="kortlista-${P}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const rows = rowsOf(text, ";");
    expect(rows[0]).toEqual([
      "Organisations-id",
      "Namn",
      "Webbplats",
      "Typ",
      "Län",
      "Poäng (%)",
      "Skäl",
      "Anteckning",
      "Tillagd",
      "Status",
    ]);
    expect(rows.map((r) => r[0])).toEqual(["Organisations-id", "vinnova", "civic-tech-goteborg"]);

    // Funders are never suggested unless asked for, but a saved one is scored all the same.
    const funders = { organisationKinds: ["funder" as const] };
    const { suggestions } = (await owner.match.partners.query({
      projectId: P,
      limit: 100,
      filters: funders,
      verbose: true,
    })) as PartnerSuggestions;
    const vinnova = suggestions.find((s) => s.id === "vinnova");
    expect(vinnova).toBeDefined();
    const [id, name, website, kind, lan, score, reasons, note, addedAt, status] = rows[1] as string[];
    expect([id, name, website, kind]).toEqual(["vinnova", "Vinnova", "", "Finansiär"]);
    expect(lan).toBe("Stockholms län, hela landet");
    expect(Number(score)).toBe(Math.round((vinnova?.score ?? Number.NaN) * 100));
    expect(Number(score)).toBeGreaterThan(0);
    expect(reasons).toBe("Verkar i Stockholms län, som ni saknar");
    expect(note).toBe("Ring  Eva");
    expect(addedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(status).toBe("");
    // A note a spreadsheet would run as a formula is text in the file.
    expect(text).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(rows[2]?.[7]).toBe(`'=HYPERLINK("x")`);
    expect(text.split("\r\n")).toHaveLength(4); // header, two rows, the empty rest after the last CRLF
    // No personal data: neither e-mail addresses nor who added an entry.
    expect(text).not.toContain("@");
    expect(text).not.toContain("Olle");
  });

  it("follows the panel's weights and language: w and geo change the score, lang=en is comma-separated English", async () => {
    const onlyGeography = await download(owner, P, "?w=0,0,1,0&lang=en");
    expect(onlyGeography.status).toBe(200);
    expect(onlyGeography.headers.get("content-disposition")).toMatch(/filename="shortlist-/);
    const rows = rowsOf((await onlyGeography.text()).replace(/^\uFEFF/, ""), ",");
    expect(rows[0]?.slice(0, 3)).toEqual(["Organisation id", "Name", "Website"]);
    const { suggestions } = (await owner.match.partners.query({
      projectId: P,
      limit: 100,
      weights: { topics: 0, skills: 0, geography: 1, network: 0 },
      filters: { organisationKinds: ["funder"] },
      verbose: true,
    })) as PartnerSuggestions;
    const expected = Math.round((suggestions.find((s) => s.id === "vinnova")?.score ?? Number.NaN) * 100);
    expect(Number(rows[1]?.[5])).toBe(expected);
    expect(expected).toBe(100);
    expect(rows[1]?.[6]).toBe("Active in Stockholm County, which you lack");

    const zeroGeography = rowsOf(await (await download(owner, P, "?w=1,0,0,0")).text(), ";");
    expect(zeroGeography[1]?.[5]).toBe("0");
  });

  it("marks an organisation deleted since it was saved as gone, with no score", async () => {
    await coordinator.shortlist.add.mutate({ projectId: "open-up", organisationId: "civic-tech-goteborg" });
    const { version } = await coordinator.entity.get.query({ kind: "organisation", id: "civic-tech-goteborg" });
    await coordinator.entity.delete.mutate({
      kind: "organisation",
      id: "civic-tech-goteborg",
      expectedVersion: version,
    });
    const rows = rowsOf(await (await download(coordinator, "open-up")).text(), ";");
    const gone = rows.find((r) => r[0] === "civic-tech-goteborg");
    expect(gone?.[5]).toBe("");
    expect(gone?.at(-1)).toBe("borttagen ur kartan");
    const listed = await coordinator.shortlist.list.query({ projectId: "open-up" });
    expect(listed.entries.find((e) => e.organisationId === "civic-tech-goteborg")?.gone).toBe(true);
  });

  it("is for the same people as the list: 401 signed out, 403 outsiders, 404 unknown project, 400 names a bad parameter", async () => {
    expect((await download(undefined, P)).status).toBe(401);
    const forbidden = await download(outsider, P);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).not.toContain("vinnova");
    expect((await download(owner, "open-up")).status).toBe(403);
    const unknown = await download(coordinator, "no-such-project");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).message).toBe('field "projectId": no project with id "no-such-project"');

    const badWeights = await download(owner, P, "?w=1,2");
    expect(badWeights.status).toBe(400);
    expect(await badWeights.json()).toMatchObject({
      message: expect.stringMatching(/^Invalid parameter: w: must be 4 numbers/),
      issues: [{ param: "w" }],
    });
    const tooHeavy = await (await download(owner, P, "?w=1,9,0,0")).json();
    expect(tooHeavy.message).toMatch(/^Invalid parameter: w \(skills\): /);
    expect((await (await download(owner, P, "?lang=fi")).json()).issues).toEqual([
      { param: "lang", message: expect.any(String) },
    ]);
    expect((await (await download(owner, P, "?limit=5")).json()).issues[0].param).toBe("limit");
  });
});
