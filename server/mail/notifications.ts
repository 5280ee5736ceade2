/**
 * Who is told what, after a write has committed: the submitter when a submission is decided, the owners when someone
 * else edits their profile. Each sends through the queue, so the request never waits for mail.
 */
import type { EntityRef } from "../../shared/schema/editable";
import type { Store } from "../store/store";
import type { Mailer } from "./mailer";

/** The node key the map's `node` parameter takes ("project:egenmakt"). */
const nodeLink = (mailer: Mailer, ref: EntityRef) =>
  mailer.link(`/?node=${encodeURIComponent(`${ref.kind}:${ref.id}`)}`);

export async function notifySubmissionDecided(
  store: Store,
  mailer: Mailer,
  submissionId: number,
  deciderId: number,
): Promise<void> {
  const submission = await store.submissions.byId(submissionId);
  const submitterId = await store.submissions.submitterOf(submissionId);
  // Coordinators deciding their own proposals need no mail about it.
  if (!submission || submitterId === undefined || submitterId === deciderId) return;
  const submitter = await store.accounts.byId(submitterId);
  if (!submitter) return;
  const ref = { kind: submission.kind, id: submission.entityId };
  if (submission.status === "approved") {
    await mailer.send(
      submitter.email,
      submitter.language,
      {
        template: "submission-approved",
        name: submission.name,
        link: nodeLink(mailer, ref),
      },
      submitter.id,
    );
  } else if (submission.status === "rejected") {
    await mailer.send(
      submitter.email,
      submitter.language,
      {
        template: "submission-rejected",
        name: submission.name,
        reason: submission.reason ?? "",
        link: mailer.link("/"),
      },
      submitter.id,
    );
  }
}

/** Every owner of the profile but the editor hears of the edit, with a link to its history. */
export async function notifyOwnersOfEdit(
  store: Store,
  mailer: Mailer,
  ref: EntityRef,
  name: string,
  editor: { id: number; displayName: string },
): Promise<void> {
  for (const ownerId of await store.accounts.ownersOf(ref)) {
    if (ownerId === editor.id) continue;
    const owner = await store.accounts.byId(ownerId);
    if (!owner || owner.disabled) continue;
    await mailer.send(
      owner.email,
      owner.language,
      {
        template: "profile-edited",
        name,
        editor: editor.displayName,
        historyLink: mailer.link(`/#history=${encodeURIComponent(`${ref.kind}:${ref.id}`)}`),
      },
      owner.id,
    );
  }
}
