/**
 * "Ladda ner mina uppgifter / Download my data" (GDPR right of access): everything the store holds about one account,
 * as one JSON document: the account itself, its submissions, the change-log entries it made, its contact requests
 * (sent and received) and its claims of organisations' profiles.
 */
import type { AccountDataExport } from "../../shared/schema/account-data";
import { withSubmitterNames } from "./entities";
import type { Store } from "./store";

interface RawChange {
  id: number;
  at: string;
  action: string;
  kind: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  note: string | null;
  version: number;
}

export function accountData(store: Store, accountId: number, now = new Date()): Promise<AccountDataExport | undefined> {
  return store.db.transaction(async () => {
    const account = await store.accounts.byId(accountId);
    if (!account) return undefined;
    const changes = await withSubmitterNames(
      store.db,
      await store.db.all<RawChange>(
        "SELECT id, at, action, kind, entity_id, before, after, note, version FROM change WHERE account_id = ? ORDER BY id",
        accountId,
      ),
    );
    return {
      exportedAt: now.toISOString(),
      account: {
        id: account.id,
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        language: account.language,
        emailVerified: account.emailVerified,
        ...(account.role === "coordinator" || account.role === "administrator" ? { digest: account.digest } : {}),
        disabled: account.disabled,
        createdAt: account.createdAt,
        owns: await store.accounts.ownedBy(account.id),
      },
      submissions: await store.submissions.mine(account.id),
      contactRequests: await store.contacts.forAccount(account.id),
      claims: await store.claims.mine(account.id),
      changes: changes.map((c) => ({
        id: c.id,
        at: c.at,
        action: c.action,
        kind: c.kind,
        entityId: c.entity_id,
        version: c.version,
        note: c.note,
        before: c.before === null ? null : JSON.parse(c.before),
        after: c.after === null ? null : JSON.parse(c.after),
      })),
    };
  });
}
