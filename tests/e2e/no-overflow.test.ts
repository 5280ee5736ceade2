/**
 * End to end, every view at 320, 390, 768, 1024 and 1440 px wide: nothing reaches past the right edge (the page never
 * scrolls sideways; wide tables scroll inside their own box), and each page has at most one scrolling region for its
 * main content, never the page and a box inside it at once (the details and filters panels scroll on their own).
 * Pages whose content is taller than the screen (coverage, the registration form, the review and account pages) have
 * exactly one. Signed in as an administrator, so every account page is reachable.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import { organisation, project } from "../fixtures/dataset";
import { cookieOf, createAccount, sessionClientFor } from "../integration/server-helpers";
import { layoutOf } from "./layout-checks";
import { appSession } from "./session";

const app = appSession();

const WIDTHS = [320, 390, 768, 1024, 1440];
const heightFor = (width: number) => (width < 600 ? 844 : width <= 1024 ? 768 : 900);

/** A view reached by URL, and what shows it is drawn; `tall` views must scroll, in exactly one region. */
const URL_VIEWS = [
  { name: "graph", path: "/", ready: ".data-summary", tall: false },
  { name: "graph with details", path: "/?node=project%3Aegenmakt", ready: ".suggestion-list > li", tall: false },
  { name: "list", path: "/?view=list", ready: ".list-view tbody tr", tall: true },
  { name: "coverage", path: "/?view=coverage&region=25&topic=open-data", ready: ".coverage-table", tall: true },
  { name: "embed", path: "/?embed=1", ready: ".embed-credit", tall: false },
];
/** Account pages, opened from the header (its menu on a narrow screen) by the entry's name. */
const ACCOUNT_PAGES = [
  { name: "registration form", entry: "Registrera ert projekt", heading: "Registrera ert projekt" },
  { name: "my submissions", entry: "Mina inlämningar", heading: "Mina inlämningar" },
  { name: "review", entry: "Granska", heading: "Granska inlämningar" },
  { name: "accounts", entry: "Konton", heading: "Konton" },
  // A received request whose organisation and project have long names without a space (#18 review, item 11).
  { name: "contact requests", entry: "Kontaktförfrågningar", heading: "Kontaktförfrågningar" },
];

/** Names with no place to break: they must wrap (overflow-wrap: anywhere), not push the page sideways. */
const LONG_ORGANISATION = `Samverkansföreningen${"Långtnamnutanmellanslag".repeat(7)}`;
const LONG_PROJECT = `Medborgardialogprojektet${"Öppnadataförallaikommunen".repeat(6)}`;

async function openFromHeader(p: Page, entry: string) {
  const menu = p.locator(".menu-button");
  if (await menu.isVisible()) await menu.click();
  else if (!(await p.getByRole("button", { name: entry, exact: true }).first().isVisible()))
    await p.locator(".account-button").click();
  await p.getByRole("button", { name: entry, exact: true }).first().click();
}

/** What is wrong with the page's layout now, as readable lines (empty when all is well). */
async function problems(p: Page, view: string, tall: boolean): Promise<string[]> {
  const layout = await layoutOf(p);
  const found: string[] = [];
  if (layout.overflowX > 0) found.push(`${view}: the page is ${layout.overflowX}px too wide`);
  for (const el of layout.outside) found.push(`${view}: sticks out: ${el}`);
  if (layout.mainScrollers.length > 1)
    found.push(`${view}: ${layout.mainScrollers.length} scrolling regions: ${layout.mainScrollers.join(", ")}`);
  if (tall && layout.mainScrollers.length !== 1)
    found.push(`${view}: no scrolling region for a page taller than the screen`);
  return found;
}

beforeAll(async () => {
  const store = app.server.store;
  const admin = await createAccount(store, "administrator", "Admin Alva");
  // A contact request the administrator receives, between an organisation and a project with very long names.
  const sender = await createAccount(store, "member", "Sam Sändare");
  await store.entities.create(
    { kind: "organisation", record: organisation("langt-namn-org", { name: LONG_ORGANISATION }) },
    null,
  );
  await store.entities.create({ kind: "project", record: project("langt-namn-projekt", { name: LONG_PROJECT }) }, null);
  await store.accounts.addOwner(admin.id, { kind: "organisation", id: "langt-namn-org" });
  await store.accounts.addOwner(sender.id, { kind: "project", id: "langt-namn-projekt" });
  await store.contacts.create(
    {
      projectId: "langt-namn-projekt",
      organisationId: "langt-namn-org",
      senderId: sender.id,
      message: `Hej! ${"Ettmycketlångtordutanmellanslag".repeat(8)}`,
      reasons: { score: null, sv: [], en: [] },
    },
    5,
  );
  const client = sessionClientFor(app.server.url);
  await client.auth.login.mutate({ email: admin.email, password: admin.password });
  const [, value] = cookieOf(client).split("=");
  await app.page.context().addCookies([{ name: SESSION_COOKIE, value: value as string, url: app.server.url }]);
});

describe("every view fits every screen, with one scroll", () => {
  it.each(WIDTHS)("at %i px wide", async (width) => {
    const p = app.page;
    await p.setViewportSize({ width, height: heightFor(width) });
    const found: string[] = [];
    for (const view of URL_VIEWS) {
      await p.goto(`${app.server.url}${view.path}`);
      await p.locator(view.ready).first().waitFor();
      found.push(...(await problems(p, view.name, view.tall)));
    }
    for (const page of ACCOUNT_PAGES) {
      await p.goto(app.server.url);
      await p.locator(".data-summary").waitFor();
      await openFromHeader(p, page.entry);
      await p.getByRole("heading", { level: 2, name: page.heading, exact: true }).waitFor();
      // The lists on these pages load after the heading.
      await p.waitForLoadState("networkidle");
      if (page.name === "contact requests") {
        await p.getByText(LONG_ORGANISATION, { exact: false }).first().waitFor();
        // The workspace clips sideways, so the page check alone would not see a name cut off inside it: every part
        // of a request must end inside the screen, and the workspace must not scroll sideways.
        const cut = await p.evaluate(() => {
          const found = [...document.querySelectorAll(".contact-list *")]
            .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}.${el.className} (right ${Math.round(el.getBoundingClientRect().right)})`,
            );
          const box = document.querySelector(".contact-list")?.closest(".workspace");
          if (box && box.scrollWidth > box.clientWidth + 1)
            found.push(`the workspace scrolls sideways by ${box.scrollWidth - box.clientWidth}px`);
          return found.slice(0, 5);
        });
        found.push(...cut.map((c) => `contact requests: cut off: ${c}`));
      }
      found.push(...(await problems(p, page.name, page.name === "registration form")));
    }
    expect(found).toEqual([]);
  });
});
