/** "Konton": administrators change each account's role and disable or enable it. E-mail addresses stay in this table. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AccountSummary, ROLES, type Role } from "../../../shared/schema/account";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import type { Lang } from "../../state/url-state";
import { formatWhen } from "../registration/format-when";

export function AccountsTable({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string>();
  /** A role chosen in a row's select but not yet saved: changing someone's powers takes a deliberate second step. */
  const [chosen, setChosen] = useState<Record<number, Role>>({});
  const accounts = useQuery({ queryKey: ["admin", "accounts"], queryFn: () => trpc.admin.accounts.query() });

  const change = async (account: AccountSummary, act: () => Promise<unknown>, done: string) => {
    try {
      await act();
      setOutcome(done);
      setChosen(({ [account.id]: _saved, ...rest }) => rest);
    } catch (error) {
      setOutcome(t("admin.changeFailed", { message: errorText(error, t) }));
    }
    await queryClient.invalidateQueries({ queryKey: ["admin", "accounts"] });
  };

  return (
    <section className="workspace-page" aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {t("admin.title")}
      </h2>
      <p>{t("admin.intro")}</p>
      <div role="status" className="saved-note">
        {outcome}
      </div>
      {accounts.isLoading && <p aria-busy="true">{t("registration.loading")}</p>}
      {accounts.isError && <p role="alert">{t("admin.failed", { message: errorText(accounts.error, t) })}</p>}
      {accounts.data && (
        <table className="data-table accounts-table">
          <caption className="visually-hidden">{t("admin.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.col.name")}</th>
              <th scope="col">{t("admin.col.email")}</th>
              <th scope="col">{t("admin.col.role")}</th>
              <th scope="col">{t("admin.col.status")}</th>
              <th scope="col">{t("admin.col.created")}</th>
              <th scope="col">{t("admin.col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.displayName}</th>
                <td>{a.email}</td>
                <td>
                  <select
                    aria-label={t("admin.roleFor", { name: a.displayName })}
                    value={chosen[a.id] ?? a.role}
                    onChange={(e) => setChosen((c) => ({ ...c, [a.id]: e.target.value as Role }))}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`account.roleTitle.${role}`)}
                      </option>
                    ))}
                  </select>
                  {chosen[a.id] !== undefined && chosen[a.id] !== a.role && (
                    <button
                      type="button"
                      className="btn"
                      aria-label={t("admin.saveRoleFor", {
                        name: a.displayName,
                        role: t(`account.roleTitle.${chosen[a.id]}`),
                      })}
                      onClick={() => {
                        const role = chosen[a.id] as Role;
                        const roleName = t(`account.roleTitle.${role}`);
                        return change(
                          a,
                          () => trpc.admin.setRole.mutate({ accountId: a.id, role }),
                          t("admin.roleChanged", { name: a.displayName, role: roleName }),
                        );
                      }}
                    >
                      {t("admin.saveRole")}
                    </button>
                  )}
                </td>
                <td>
                  <span className={`status-badge ${a.disabled ? "status-rejected" : "status-approved"}`}>
                    {a.disabled ? t("admin.disabled") : t("admin.active")}
                  </span>
                </td>
                <td>{formatWhen(a.createdAt, lang)}</td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    aria-label={
                      a.disabled
                        ? t("admin.enable", { name: a.displayName })
                        : t("admin.disable", { name: a.displayName })
                    }
                    onClick={() =>
                      change(
                        a,
                        () => trpc.admin.setDisabled.mutate({ accountId: a.id, disabled: !a.disabled }),
                        t(a.disabled ? "admin.enabled" : "admin.disabledNow", { name: a.displayName }),
                      )
                    }
                  >
                    {a.disabled ? t("admin.enableShort") : t("admin.disableShort")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
