/**
 * End to end (#14 item 6): a coordinator edits a project in the browser while its owner saves a change from
 * elsewhere. The save is refused, the form says who changed which field, and "Ladda om och behåll mina ändringar"
 * reloads the owner's version with the coordinator's own change on top; saving again keeps both. In English, "Reload
 * (discard mine)" drops one's own change. On the review page, "Senaste ändringar" lists the owner's edits and reverts
 * one in one click; a stale one is refused with a clear message. axe-core on the form with the notice.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Project } from "../../shared/schema/project";
import { createAccount, sessionClientFor } from "../integration/server-helpers";
import { seriousViolations } from "./axe";
import { appSession } from "./session";

const app = appSession();
const ref = { kind: "project" as const, id: "egenmakt" };
let owner: ReturnType<typeof sessionClientFor>;

/** The owner saves a change from their own session, over HTTP. */
async function ownerSaves(patch: Partial<Project>): Promise<void> {
  const { record, version } = await owner.entity.get.query(ref);
  await owner.entity.update.mutate({
    kind: "project",
    record: { ...(record as Project), ...patch },
    expectedVersion: version,
  });
}

const stored = async () => (await owner.entity.get.query(ref)).record as Project;

async function openEdit(p: Page, editLabel: string, region: string) {
  await p.getByRole("region", { name: region }).getByRole("button", { name: editLabel, exact: true }).click();
  await p.getByRole("heading", { level: 2, name: /Egenmakt/ }).waitFor();
}

beforeAll(async () => {
  const o = await createAccount(app.server.store, "member", "Olle Ägare");
  await app.server.store.accounts.addOwner(o.id, ref);
  owner = sessionClientFor(app.server.url);
  await owner.auth.login.mutate({ email: o.email, password: o.password });
  const coordinator = await createAccount(app.server.store, "coordinator", "Samordnare Sara");
  const p = app.page;
  await p.goto(`${app.server.url}/?lang=sv&node=project%3Aegenmakt`);
  await p.getByRole("button", { name: "Logga in", exact: true }).click();
  const dialog = p.getByRole("dialog", { name: "Logga in" });
  await dialog.getByLabel("E-postadress").fill(coordinator.email);
  await dialog.getByLabel("Lösenord").fill(coordinator.password);
  await dialog.getByRole("button", { name: "Logga in", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
});

describe("lost updates, in a browser", () => {
  it("a save from an older copy is refused, naming who changed which field; reload-and-keep merges both", async () => {
    const p = app.page;
    await openEdit(p, "Redigera", "Redigera posten");
    const startYear = p.getByLabel("Startår");
    await expect.poll(() => startYear.inputValue()).toBe("2020");
    await startYear.fill("2019");

    await ownerSaves({ summary: { sv: "Ägarens nya text.", en: "The owner's new text." } });
    await p.getByRole("button", { name: "Spara ändringarna" }).click();

    const notice = p.getByRole("alert").filter({ hasText: "Någon annan har ändrat posten medan du redigerade" });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      "Olle Ägare ändrade: Sammanfattning på svenska, Sammanfattning på engelska.",
    );
    // The notice takes the focus, so it is announced and its buttons are next.
    expect(await p.evaluate(() => document.activeElement?.classList.contains("conflict-notice"))).toBe(true);
    expect(await seriousViolations(p, ".workspace")).toEqual([]);
    // Nothing of the owner's was lost.
    expect((await stored()).summary.sv).toBe("Ägarens nya text.");

    await notice.getByRole("button", { name: "Ladda om och behåll mina ändringar" }).click();
    await p.getByText("Laddade om den senaste versionen och lade tillbaka dina ändringar: Startår.").waitFor();
    expect(await p.getByLabel("Sammanfattning på svenska").inputValue()).toBe("Ägarens nya text.");
    expect(await p.getByLabel("Startår").inputValue()).toBe("2019");
    await p.getByRole("button", { name: "Spara ändringarna" }).click();
    await p.getByText("Sparat.").waitFor();
    expect(await stored()).toMatchObject({ startYear: 2019, summary: { sv: "Ägarens nya text." } });
  });

  it("in English: 'Reload (discard mine)' shows the stored version and drops one's own change", async () => {
    const p = app.page;
    await p.getByRole("button", { name: "In English" }).click();
    await p.getByLabel("Start year").fill("2018");
    await ownerSaves({ endYear: 2022 });
    await p.getByRole("button", { name: "Save the changes" }).click();
    const notice = p.getByRole("alert").filter({ hasText: "Someone else changed this record while you were editing" });
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Olle Ägare changed: End year.");
    await notice.getByRole("button", { name: "Reload (discard mine)" }).click();
    await p.getByText("Reloaded the latest version.").waitFor();
    expect(await p.getByLabel("Start year").inputValue()).toBe("2019");
    expect(await p.getByLabel("End year").inputValue()).toBe("2022");
    expect((await stored()).startYear).toBe(2019);
    await p.getByRole("button", { name: "På svenska" }).click();
  });

  it("the review page lists owners' recent edits; a stale revert is refused, the latest is reverted in one click", async () => {
    const p = app.page;
    await ownerSaves({ website: "https://example.org/egenmakt" });
    await p.locator(".account-button").click();
    await p.getByRole("button", { name: "Granska", exact: true }).click();
    const recent = p.getByRole("region", { name: "Senaste ändringar" });
    const entries = recent.getByRole("listitem");
    await expect.poll(() => entries.count()).toBe(3);
    expect(await entries.first().textContent()).toMatch(/Olle Ägare ändrade projekt Egenmakt.*Fält: Webbplats/);
    expect(await seriousViolations(p, ".workspace")).toEqual([]);

    // The owner's first edit has been edited again since: reverting it is refused, saying what changed.
    await entries
      .last()
      .getByRole("button", { name: /^Återställ ändringen av Egenmakt/ })
      .click();
    await recent.getByText(/^Det gick inte, posten har ändrats sedan du laddade den\./).waitFor();
    expect((await stored()).website).toBe("https://example.org/egenmakt");

    await entries
      .first()
      .getByRole("button", { name: /^Återställ ändringen av Egenmakt/ })
      .click();
    await recent.getByText("Ändringen av Egenmakt är återställd.").waitFor();
    expect((await stored()).website).toBeUndefined();
  });
});
