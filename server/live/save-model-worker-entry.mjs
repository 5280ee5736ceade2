// Entry of the read-model saving worker thread. Worker threads on Node 20 do not inherit tsx's loader (whether the
// server runs under `tsx` or the tests under vitest), so register it here, then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./save-model-worker.ts");
