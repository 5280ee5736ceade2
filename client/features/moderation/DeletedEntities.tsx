/** "Borttagna": soft-deleted projects and organisations, so a coordinator can find and bring back any of them. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import type { Lang } from "../../state/url-state";
import { actorName } from "../account/actor-name";
import { refreshAfterWrite } from "../account/refresh-after-write";
import { staleDescription, staleOf } from "../history/stale-version";
import { formatWhen } from "../registration/format-when";
import { type Outcome, OutcomeNote } from "./OutcomeNote";

interface Props {
  lang: Lang;
  onShow: (key: string) => void;
}

export function DeletedEntities({ lang, onShow }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>();
  const deleted = useQuery({ queryKey: ["entity", "deleted"], queryFn: () => trpc.entity.deleted.query() });

  const restore = async (changeId: number, expectedVersion: number, name: string, key: string) => {
    try {
      await trpc.entity.restore.mutate({ changeId, expectedVersion });
      setOutcome({ text: t("moderation.restored", { name }), show: key });
      await refreshAfterWrite(queryClient);
      await queryClient.invalidateQueries({ queryKey: ["entity", "deleted"] });
    } catch (error) {
      const stale = staleOf(error);
      setOutcome({
        text: stale
          ? t("versions.staleAction", { detail: staleDescription(stale, t) })
          : t("moderation.actionFailed", { message: errorText(error, t) }),
      });
      if (stale) await queryClient.invalidateQueries({ queryKey: ["entity", "deleted"] });
    }
    document.getElementById("deleted-outcome")?.focus();
  };

  return (
    <section className="deleted-entities" aria-labelledby="deleted-title">
      <h3 id="deleted-title">{t("moderation.deletedTitle")}</h3>
      <OutcomeNote id="deleted-outcome" outcome={outcome} onShow={onShow} />
      {deleted.isError && <p role="alert">{t("moderation.failed", { message: errorText(deleted.error, t) })}</p>}
      {deleted.data?.length === 0 && <p>{t("moderation.deletedEmpty")}</p>}
      {deleted.data && deleted.data.length > 0 && (
        <ul className="deleted-list">
          {deleted.data.map((d) => (
            <li key={`${d.kind}:${d.id}`}>
              <span>
                <strong>{d.name}</strong> ({t(`moderation.kind.${d.kind}`)}) —{" "}
                {t("moderation.deletedBy", { when: formatWhen(d.deletedAt, lang), who: actorName(d.deletedBy, t) })}
              </span>{" "}
              <button type="button" onClick={() => restore(d.restoreChangeId, d.version, d.name, `${d.kind}:${d.id}`)}>
                {t("moderation.restore", { name: d.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
