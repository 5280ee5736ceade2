/** "Historik": an entity's change log, newest first; coordinators can restore any earlier version (itself logged). */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasRole } from "../../../shared/schema/account";
import type { Change, EditableKind } from "../../../shared/schema/editable";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import type { Lang } from "../../state/url-state";
import { refreshAfterWrite } from "../account/refresh-after-write";
import { useMe } from "../account/use-me";
import type { NodeName } from "../registration/field-format";
import { formatWhen } from "../registration/format-when";
import { ChangeEntry } from "./ChangeEntry";
import { staleDescription, staleOf } from "./stale-version";

interface Props {
  kind: EditableKind;
  id: string;
  lang: Lang;
  name: NodeName;
  onShow: (key: string) => void;
}

export function HistoryView({ kind, id, lang, name, onShow }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [outcome, setOutcome] = useState<string>();
  const history = useQuery({
    queryKey: ["entity", kind, id, "history"],
    queryFn: () => trpc.entity.history.query({ kind, id }),
  });
  const title = name(`${kind}:${id}`) ?? history.data?.find((c) => c.after)?.after?.name ?? id;
  const mayRestore = hasRole(me?.role, "coordinator");
  const whenOfChange = (changeId: number) => {
    const change = history.data?.find((c) => c.id === changeId);
    return change && formatWhen(change.at, lang);
  };

  const restore = async (change: Change) => {
    try {
      // The newest entry carries the version the list shows; if someone wrote since, the server refuses.
      const expectedVersion = history.data?.[0]?.version ?? 1;
      await trpc.entity.restore.mutate({ changeId: change.id, expectedVersion });
      setOutcome(t("history.restored", { when: formatWhen(change.at, lang) }));
      await refreshAfterWrite(queryClient);
    } catch (error) {
      const stale = staleOf(error);
      setOutcome(
        stale
          ? t("versions.staleAction", { detail: staleDescription(stale, t) })
          : t("history.restoreFailed", { message: errorText(error, t) }),
      );
      if (stale) await refreshAfterWrite(queryClient);
    }
    document.getElementById("history-outcome")?.focus();
  };

  return (
    <section className="workspace-page" aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {t("history.title", { name: title })}
      </h2>
      <p>{t("history.intro")}</p>
      <div id="history-outcome" role="status" tabIndex={-1} className="saved-note">
        {outcome && (
          <>
            <span>{outcome}</span>{" "}
            <button type="button" className="link-button" onClick={() => onShow(`${kind}:${id}`)}>
              {t("registration.showInMap")}
            </button>
          </>
        )}
      </div>
      {history.isLoading && <p aria-busy="true">{t("registration.loading")}</p>}
      {history.isError && <p role="alert">{t("history.failed", { message: errorText(history.error, t) })}</p>}
      {history.data?.length === 0 && <p>{t("history.empty")}</p>}
      {history.data?.[0]?.action === "delete" && <p className="deleted-notice">{t("history.deletedNotice")}</p>}
      {history.data && history.data.length > 0 && (
        <ol className="change-list">
          {history.data.map((change, i) => (
            <ChangeEntry
              key={change.id}
              change={change}
              lang={lang}
              name={name}
              current={i === 0 && change.after !== null}
              onRestore={mayRestore ? restore : undefined}
              whenOfChange={whenOfChange}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
