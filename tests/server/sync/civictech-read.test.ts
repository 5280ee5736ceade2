import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFrontMatter } from "../../../server/sync/civictech/front-matter";
import { pairPages } from "../../../server/sync/civictech/pair-pages";
import { carriesPersonalData } from "../../../server/sync/civictech/personal-data";
import { parsePlace } from "../../../server/sync/civictech/places";
import { readCheckout } from "../../../server/sync/civictech/read-checkout";

const FIXTURE = join(import.meta.dirname, "../../fixtures/civictech-site");
/** Every person-bound string the fixture carries; none may survive reading. */
const PERSONAL = ["Anna", "Exempelsson", "Bertil", "Påhittad", "Cecilia", "Doris", "@example", "070-123", "mailto"];

describe("reading a civictech.se checkout", () => {
  const site = readCheckout(FIXTURE);

  it("reads events, projects and groups, and names each unreadable page", () => {
    expect(site.pages.filter((p) => p.folder === "_events")).toHaveLength(10);
    expect(site.pages.filter((p) => p.folder === "_posts")).toHaveLength(4);
    expect(site.pages.filter((p) => p.folder === "_groups")).toHaveLength(3);
    expect(site.problems).toEqual([
      { file: "_events/broken.md", message: '_events/broken.md: field "event-date": not a date: null' },
    ]);
    expect(site.pages.some((p) => p.file.startsWith("_drafts") || p.file === "_events/meetup-7")).toBe(false);
  });

  it("keeps no person: no contact block, no form, no body, no partner that is a mailto link", () => {
    const text = JSON.stringify(site);
    for (const word of PERSONAL) expect(text).not.toContain(word);
    const hackathon = site.pages.find((p) => p.file === "_events/hackathon-2.md");
    expect(hackathon).toMatchObject({
      date: "2018-09-02",
      place: "Viktoriahuset, Göteborg",
      group: "goteborg",
      partners: [
        { title: "Digidem Lab", url: "http://digidemlab.org" },
        { title: "Solidariskt Kylskåp", url: "http://solikyl.se/" },
        { title: "Gothenburg Hackerspace", url: "https://www.facebook.com/gbghackerspace" },
      ],
    });
  });

  it("pairs Swedish and English pages into one entry each", () => {
    const paired = pairPages(site.pages);
    const events = paired.events.map((e) => [e.sv?.title, e.en?.title]);
    expect(events).toEqual(
      expect.arrayContaining([
        ["Hackathon #2", "Hackathon #2"],
        ["Hands-on Cryptoparty", "Hands-on Cryptoparty!"],
        ["Civic Tech möter GovTech", "Civic Tech meets GovTech"],
        ["GovTech Day 2020", undefined],
        ["Civic Tech Sthlm #12: Online Meetup", "Civic Tech Sthlm #12: Meetup online"],
        ["Civic Tech Sthlm #1", undefined],
      ]),
    );
    expect(paired.events).toHaveLength(6);
    expect(paired.projects.map((p) => p.files)).toEqual([
      ["_posts/2019-02-15-change-course-en.md", "_posts/2019-02-15-changecourse.md"],
      ["_posts/2021-03-26-egenmakt-en.md", "_posts/2021-03-26-egenmakt.md"],
    ]);
    expect(paired.groups.map((g) => [g.sv?.title, g.en?.title])).toEqual([
      ["CivicTech Göteborg", "CivicTech Gothenburg"],
      ["Civic Tech Uppsala", undefined],
    ]);
  });

  it("pins to the checkout's commit, loose or packed", () => {
    expect(site.commit).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), "site-"));
    cpSync(FIXTURE, dir, { recursive: true });
    mkdirSync(join(dir, ".git/refs/heads"), { recursive: true });
    writeFileSync(join(dir, ".git/HEAD"), "ref: refs/heads/main\n");
    writeFileSync(join(dir, ".git/packed-refs"), `# pack-refs\n${"a".repeat(40)} refs/heads/main\n`);
    expect(readCheckout(dir).commit).toBe("a".repeat(40));
    writeFileSync(join(dir, ".git/refs/heads/main"), `${"b".repeat(40)}\n`);
    expect(readCheckout(dir).commit).toBe("b".repeat(40));
  });

  it("refuses a folder that is not the site", () => {
    expect(() => readCheckout(tmpdir())).toThrow(/no _events\/, _posts\/ or _groups\/ folder/);
  });
});

describe("front matter", () => {
  it("names the line of bad YAML", () => {
    expect(() => readFrontMatter("x.md", "---\ntitle: ok\nplace: [unclosed\n---\n")).toThrow(/^x\.md:\d+: bad YAML/);
    expect(() => readFrontMatter("x.md", "no front matter")).toThrow("x.md:1: no front matter");
  });
  it("keeps dates as the text the page wrote", () => {
    expect(readFrontMatter("x.md", "---\nevent-date: 2018-09-02 01:00:00 +02:00\n---\n")).toEqual({
      "event-date": "2018-09-02 01:00:00 +02:00",
    });
  });
});

describe("places", () => {
  it.each([
    [
      "Goto 10, Hammarby Kaj 10D, 120 07 Stockholm",
      { online: false, venueName: "Goto 10", city: "Stockholm", regionCode: "01" },
    ],
    [
      "Viktoriahuset, Gothenburg, Sweden",
      { online: false, venueName: "Viktoriahuset", city: "Göteborg", regionCode: "14" },
    ],
    [
      "Carolina Rediviva, Uppsala",
      { online: false, venueName: "Carolina Rediviva", city: "Uppsala", regionCode: "03" },
    ],
    ["Apelbergsgatan 40, 111 37 Stockholm,", { online: false, city: "Stockholm", regionCode: "01" }],
    ["Online", { online: true }],
    ["Digitalt", { online: true }],
    ["https://meet.example.org/x", { online: true }],
    ["Någonstans, Ingenstans", { online: false, venueName: "Någonstans" }],
  ])("%s", (text, place) => expect(parsePlace(text)).toEqual(place));
});

describe("personal data", () => {
  it.each(["anna@example.org", "ring 070-123 45 67", "+46 70 123 45 67", "mailto:x"])("%s is refused", (t) =>
    expect(carriesPersonalData(t)).toBe(true),
  );
  it.each(["Hackathon #2", "Goto 10, Hammarby Kaj 10D, 120 07 Stockholm", "2018-09-02", "GovTech Day 2020"])(
    "%s is kept",
    (t) => expect(carriesPersonalData(t)).toBe(false),
  );
});
