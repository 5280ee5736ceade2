/** An administrator imports a JSON file from the browser: preview, import, the new project is on the map; a bad file is refused with its line. */
import { expect, it } from "vitest";
import { createAccount } from "../integration/server-helpers";
import { seriousViolations } from "./axe";
import { appSession } from "./session";

const app = appSession();

const project = (id: string, topics: string[]) => ({
  id,
  name: "Importerat testprojekt",
  summary: { sv: "Ett projekt från en fil", en: "A project from a file" },
  status: "active",
  partners: [],
  topics,
  skillsNeeded: [],
  regions: ["25"],
  national: false,
  sources: ["https://example.org/importerat"],
});

it("an administrator previews and imports a file, and a bad file is refused naming its line", async () => {
  const admin = await createAccount(app.server.store, "administrator", "Admin Anna");
  const p = app.page;
  await p.goto(app.server.url);
  await p.getByRole("button", { name: "Logga in", exact: true }).click();
  const dialog = p.getByRole("dialog", { name: "Logga in" });
  await dialog.getByLabel("E-postadress").fill(admin.email);
  await dialog.getByLabel("Lösenord").fill(admin.password);
  await dialog.getByRole("button", { name: "Logga in", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  await p.locator(".account-button").click();
  await p.getByRole("button", { name: "Konton", exact: true }).click();

  // A role changes only when saved: an arrow key in the select alone changes nothing.
  const member = await createAccount(app.server.store, "member", "Mona Medlem");
  await p.getByRole("heading", { level: 2, name: "Konton" }).waitFor();
  await p.reload();
  await p.locator(".account-button").click();
  await p.getByRole("button", { name: "Konton", exact: true }).click();
  const roleSelect = p.getByRole("combobox", { name: "Roll för Mona Medlem" });
  await roleSelect.selectOption("coordinator");
  expect((await app.server.store.accounts.byId(member.id))?.role).toBe("member");
  await p.getByRole("button", { name: "Spara roll för Mona Medlem: Samordnare" }).click();
  await p.getByText("Mona Medlem är nu Samordnare.").waitFor();
  expect((await app.server.store.accounts.byId(member.id))?.role).toBe("coordinator");

  const panel = p.getByRole("region", { name: "Importera data" });
  const good = JSON.stringify({ projects: [project("importerat-testprojekt", ["open-data"])] }, null, 2);
  await panel.getByLabel("Filer (.csv, .json)").setInputFiles({
    name: "nya.json",
    mimeType: "application/json",
    buffer: Buffer.from(good),
  });
  await panel.getByRole("button", { name: "Förhandsgranska" }).click();
  await panel.getByText("Förhandsgranskning: 1 nya, 0 ändrade, 0 oförändrade.").waitFor();
  expect(await seriousViolations(p, ".workspace")).toEqual([]);
  await panel.getByRole("button", { name: "Importera", exact: true }).click();
  await panel.getByText(/^Importerat\. Dataversion \d+/).waitFor();
  const inGraph = await p.evaluate(async () =>
    (await (await fetch("/trpc/graph.snapshot")).text()).includes("project:importerat-testprojekt"),
  );
  expect(inGraph).toBe(true);

  const bad = JSON.stringify({ projects: [project("trasigt-projekt", ["finns-inte"])] }, null, 2);
  await panel.getByLabel("Filer (.csv, .json)").setInputFiles({
    name: "trasig.json",
    mimeType: "application/json",
    buffer: Buffer.from(bad),
  });
  await panel.getByRole("button", { name: "Förhandsgranska" }).click();
  const alert = panel.getByRole("alert");
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/trasig\.json:\d+:\d+.*finns-inte/s);
});
