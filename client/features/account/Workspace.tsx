/**
 * The pages that open in place of the map (registration, my submissions, review, accounts, edit, history, account
 * settings, outbox, and the pages links in mail open), behind a "Back to the map" button. Loaded on first use, so visitors who only read never download the forms.
 */
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasRole } from "../../../shared/schema/account";
import type { GraphNode } from "../../../shared/schema/graph";
import type { Lang } from "../../state/url-state";
import { AccountsTable } from "../admin/AccountsTable";
import { ImportPanel } from "../admin/ImportPanel";
import { OutboxView } from "../admin/OutboxView";
import { ContactReview } from "../contact/ContactReview";
import { ContactsView } from "../contact/ContactsView";
import { HistoryView } from "../history/HistoryView";
import { ReviewQueue } from "../moderation/ReviewQueue";
import { EditView } from "../registration/EditView";
import { nodeNames } from "../registration/field-format";
import { MySubmissions } from "../registration/MySubmissions";
import { graphChoices } from "../registration/picker-options";
import { RegisterView } from "../registration/RegisterView";
import "./workspace.css";
import { AccountSettings } from "./AccountSettings";
import { MailLinkPage } from "./MailLinkPage";
import { ResetPasswordPage } from "./ResetPasswordPage";
import { useMe } from "./use-me";
import type { WorkspacePage } from "./workspace-page";

interface Props {
  page: WorkspacePage;
  nodes: readonly GraphNode[] | undefined;
  lang: Lang;
  onOpen: (page: WorkspacePage | undefined) => void;
  /** Back to the map with this node selected. */
  onShow: (key: string) => void;
}

export function Workspace({ page, nodes, lang, onOpen, onShow }: Props) {
  const { t } = useTranslation();
  const { data: me, isLoading } = useMe();
  const choices = useMemo(() => graphChoices(nodes ?? [], lang), [nodes, lang]);
  const name = useMemo(() => nodeNames(nodes, lang), [nodes, lang]);
  const pageKey = JSON.stringify(page);
  /** The account was just deleted here: the page says so (signed out now) until the person leaves it. */
  const [deleted, setDeleted] = useState(false);
  // A new page takes the focus to its heading, as a page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes, named by its key
  useEffect(() => {
    document.getElementById("workspace-title")?.focus();
  }, [pageKey, me?.id, deleted]);

  const allowed =
    me &&
    (page.page === "review"
      ? hasRole(me.role, "coordinator")
      : page.page === "accounts" || page.page === "outbox"
        ? hasRole(me.role, "administrator")
        : true);

  return (
    <div className="workspace">
      <p>
        <button type="button" className="link-button back-link" onClick={() => onOpen(undefined)}>
          ← {t("registration.back")}
        </button>
      </p>
      {/* The pages links in mail open work signed out. */}
      {page.page === "verify" || page.page === "confirm-email" ? (
        <MailLinkPage key={pageKey} kind={page.page} token={page.token} onDone={() => onOpen(undefined)} />
      ) : page.page === "reset" ? (
        <ResetPasswordPage key={pageKey} token={page.token} onDone={() => onOpen(undefined)} />
      ) : deleted ? (
        <section aria-labelledby="workspace-title" className="account-deleted">
          <h2 id="workspace-title" tabIndex={-1}>
            {t("mailAccount.settings.deletedTitle")}
          </h2>
          <p role="status">{t("mailAccount.settings.deleted")}</p>
        </section>
      ) : isLoading ? (
        <p aria-busy="true">{t("registration.loading")}</p>
      ) : !me ? (
        <h2 id="workspace-title" tabIndex={-1}>
          {t("registration.signInFirst")}
        </h2>
      ) : !allowed ? (
        <h2 id="workspace-title" tabIndex={-1}>
          {page.page === "accounts"
            ? t("admin.denied")
            : page.page === "outbox"
              ? t("mailAccount.outbox.denied")
              : t("moderation.denied")}
        </h2>
      ) : page.page === "register" ? (
        <RegisterView key={page.kind} kind={page.kind} choices={choices} onOpen={onOpen} />
      ) : page.page === "edit" ? (
        <EditView key={pageKey} kind={page.kind} id={page.id} choices={choices} onOpen={onOpen} onShow={onShow} />
      ) : page.page === "history" ? (
        <HistoryView key={pageKey} kind={page.kind} id={page.id} lang={lang} name={name} onShow={onShow} />
      ) : page.page === "mine" ? (
        <MySubmissions lang={lang} onShow={onShow} />
      ) : page.page === "review" ? (
        <>
          <ReviewQueue lang={lang} name={name} onShow={onShow} />
          <ContactReview />
        </>
      ) : page.page === "settings" ? (
        <AccountSettings me={me} onSignedOut={() => setDeleted(true)} />
      ) : page.page === "contacts" ? (
        <ContactsView lang={lang} />
      ) : page.page === "outbox" ? (
        <OutboxView lang={lang} />
      ) : (
        <>
          <AccountsTable lang={lang} />
          <ImportPanel />
        </>
      )}
    </div>
  );
}
