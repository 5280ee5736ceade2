// Plain JS entry of the layout worker thread: registers tsx through its API (not the parent's flags, which Vitest
// does not have), then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./layout-worker.ts");
