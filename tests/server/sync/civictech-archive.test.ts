import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import { createTar } from "nanotar";
import { beforeAll, describe, expect, it } from "vitest";
import { readSiteArchive } from "../../../server/sync/civictech/read-archive";
import { readCheckout, readSiteFiles } from "../../../server/sync/civictech/read-checkout";

const FIXTURE = join(import.meta.dirname, "../../fixtures/civictech-site");
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main", ...args], {
    cwd,
  });

describe("reading an uploaded archive of the site", () => {
  let repo: string;
  let commit: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "site-git-"));
    cpSync(FIXTURE, repo, { recursive: true });
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "fixture");
    commit = git(repo, "rev-parse", "HEAD").toString().trim();
  });

  it.each(["zip", "tar.gz"])("reads git archive's %s like the checkout, with its commit", (format) => {
    const out = join(repo, `../site-${format.replace(".", "")}-${Date.now()}.${format}`);
    git(repo, "archive", `--format=${format}`, "--prefix=civictech.se-main/", "-o", out, "HEAD");
    const archive = readSiteArchive(new Uint8Array(readFileSync(out)));
    expect(archive.commit).toBe(commit);
    const fromArchive = readSiteFiles(archive.files);
    const fromCheckout = readCheckout(repo);
    expect(fromCheckout.commit).toBe(commit);
    expect(fromArchive.pages).toEqual(fromCheckout.pages);
    expect(fromArchive.problems).toEqual(fromCheckout.problems);
  });

  it("skips paths that climb out, and files that are not site pages", () => {
    const zip = zipSync({
      "../_events/evil.md": strToU8("---\ntitle: x\nevent-date: 2020-01-01\n---\n"),
      "_events/ok.md": strToU8("---\ntitle: ok\nevent-date: 2020-01-01\n---\n"),
      "_events/big.bin": new Uint8Array(10),
      "README.md": strToU8("# hi"),
    });
    expect(readSiteArchive(zip).files.map((f) => f.path)).toEqual(["_events/ok.md"]);
  });

  it("refuses a gzip bomb and what is not an archive", () => {
    const bomb = gzipSync(createTar([{ name: "_events/a.md", data: new Uint8Array(8 * 1024 * 1024) }]));
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => readSiteArchive(bomb, 1024 * 1024)).toThrow(/cannot be unpacked/);
    expect(() => readSiteArchive(strToU8("hello"))).toThrow("not a .zip or .tar.gz archive");
  });
});
