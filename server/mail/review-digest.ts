/**
 * The coordinators' daily mail when submissions wait for review. It goes out once a calendar day (UTC), at the first
 * look after DIGEST_HOUR_UTC on which something waits, to each coordinator and administrator who has not switched it
 * off. The day it last went out is kept in the store's meta table, so restarts do not send it twice.
 */
import type { Store } from "../store/store";
import type { Mailer } from "./mailer";

/** 06:00 UTC: 07:00 or 08:00 in Sweden, before the working day. */
export const DIGEST_HOUR_UTC = 6;
/** How often the server looks. */
const LOOK_EVERY_MS = 15 * 60_000;
const META_KEY = "review_digest_sent_on";

/** Sends today's digest if it is due; returns how many mails were queued. */
export async function sendReviewDigest(store: Store, mailer: Mailer, now = new Date()): Promise<number> {
  if (now.getUTCHours() < DIGEST_HOUR_UTC) return 0;
  const today = now.toISOString().slice(0, 10);
  return store.db.transaction(async () => {
    const sentOn = await store.db.get<{ value: string }>("SELECT value FROM meta WHERE key = ?", META_KEY);
    if (sentOn?.value === today) return 0;
    const waiting = (await store.submissions.list("pending")).length;
    if (waiting === 0) return 0;
    const recipients = await store.accounts.digestRecipients();
    for (const account of recipients) {
      await mailer.send(
        account.email,
        account.language,
        {
          template: "review-digest",
          waiting,
          link: mailer.link("/#review"),
          settingsLink: mailer.link("/#account"),
        },
        account.id,
      );
    }
    await store.db.run(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      META_KEY,
      today,
    );
    return recipients.length;
  });
}

/** Looks now and then every quarter of an hour; returns the function that stops it. */
export function scheduleReviewDigest(store: Store, mailer: Mailer): () => void {
  const look = () => {
    sendReviewDigest(store, mailer).catch((error: unknown) => {
      mailer.log.warn({ error: (error as Error).message }, "review digest failed");
    });
  };
  const first = setTimeout(look, 5_000);
  const timer = setInterval(look, LOOK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
