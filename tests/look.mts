import { launchBrowser } from "./e2e/browser";

const [url, out, w, h] = process.argv.slice(2);
const b = await launchBrowser();
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } });
await p.goto(url as string);
await p.waitForTimeout(6000);
await p.screenshot({ path: out as string });
await b.close();
