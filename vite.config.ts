/// <reference types="vitest/config" />
// Vite builds the client (client/ → dist/client); Vitest runs the test projects.
import { existsSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { configDefaults } from "vitest/config";

// The postgres project needs Debian's PostgreSQL 15 (.ci/run installs it). Without it, its tests are left out and a
// line says so, unless REQUIRE_POSTGRES=1 (CI), where its global setup then fails instead.
const postgresInstalled = existsSync("/usr/lib/postgresql/15/bin/initdb");
if (!postgresInstalled && process.env.REQUIRE_POSTGRES !== "1")
  console.warn("Skipping the PostgreSQL tests: PostgreSQL 15 is not installed (apt-get install postgresql-15).");
const postgresTests = [
  "tests/server/store/store.test.ts",
  "tests/server/store/contact-requests.test.ts",
  "tests/server/store/shortlists.test.ts",
  "tests/server/live/refresh.test.ts",
  "tests/integration/postgres/**/*.test.ts",
];

const apiPort = Number(process.env.PORT ?? 3000);

export default defineConfig({
  root: "client",
  plugins: [react()],
  build: { outDir: "../dist/client", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: { "/trpc": `http://localhost:${apiPort}`, "/api": `http://localhost:${apiPort}` },
  },
  test: {
    root: ".",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          root: ".",
          include: [
            "tests/shared/**/*.test.ts",
            "tests/server/**/*.test.ts",
            "tests/client/**/*.test.ts",
            "tests/data/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          root: ".",
          include: ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "tests/integration/postgres/**"],
          testTimeout: 30_000,
        },
      },
      {
        // The store's suite and the multi-instance tests again, on PostgreSQL (tests/fixtures/test-store.ts).
        extends: true,
        test: {
          name: "postgres",
          root: ".",
          include: postgresInstalled || process.env.REQUIRE_POSTGRES === "1" ? postgresTests : [],
          env: { STORE_UNDER_TEST: "postgres" },
          globalSetup: ["tests/fixtures/postgres-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          root: ".",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // The browser and server share two cores with the test runner: give UI waits room.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
