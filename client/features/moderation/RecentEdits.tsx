/**
 * "Senaste ändringar": owners' direct edits of the last days, newest first (who, what, which fields), so coordinators
 * can look them over; "Återställ" reverts one in one click, through the same versioned path as every write: an edit
 * that is no longer the latest is refused, saying what changed since.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RecentEdit } from "../../../shared/schema/editable";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import type { Lang } from "../../state/url-state";
import { actorName } from "../account/actor-name";
import { refreshAfterWrite } from "../account/refresh-after-write";
import { fieldList, staleDescription, staleOf } from "../history/stale-version";
import { formatWhen } from "../registration/format-when";
import { type Outcome, OutcomeNote } from "./OutcomeNote";

const DAYS = 14;

interface Props {
  lang: Lang;
  onShow: (key: string) => void;
}

export function RecentEdits({ lang, onShow }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>();
  const edits = useQuery({
    queryKey: ["entity", "recentEdits", DAYS],
    queryFn: () => trpc.entity.recentEdits.query({ days: DAYS }),
  });

  const revert = async (edit: RecentEdit) => {
    try {
      await trpc.entity.revert.mutate({ changeId: edit.changeId, expectedVersion: edit.version });
      setOutcome({ text: t("versions.reverted", { name: edit.name }), show: `${edit.kind}:${edit.entityId}` });
      await refreshAfterWrite(queryClient);
    } catch (error) {
      const stale = staleOf(error);
      setOutcome({
        text: stale
          ? t("versions.staleAction", { detail: staleDescription(stale, t) })
          : t("moderation.actionFailed", { message: errorText(error, t) }),
      });
      await queryClient.invalidateQueries({ queryKey: ["entity", "recentEdits"] });
    }
    document.getElementById("recent-outcome")?.focus();
  };

  return (
    <section className="recent-edits" aria-labelledby="recent-title">
      <h3 id="recent-title">{t("versions.recentTitle")}</h3>
      <p>{t("versions.recentIntro", { days: DAYS })}</p>
      <OutcomeNote id="recent-outcome" outcome={outcome} onShow={onShow} />
      {edits.isError && <p role="alert">{t("versions.recentFailed", { message: errorText(edits.error, t) })}</p>}
      {edits.data?.length === 0 && <p>{t("versions.recentEmpty", { days: DAYS })}</p>}
      {edits.data && edits.data.length > 0 && (
        <ol>
          {edits.data.map((edit) => {
            const when = formatWhen(edit.at, lang);
            const what = { who: actorName(edit.actor, t), kind: t(`moderation.kind.${edit.kind}`), name: edit.name };
            return (
              <li key={edit.changeId}>
                <span>
                  <strong>
                    {t(edit.action === "delete" ? "versions.recentDelete" : "versions.recentUpdate", what)}
                  </strong>{" "}
                  <span className="recent-meta">{when}</span>
                </span>
                {edit.fields.length > 0 && (
                  <span className="recent-meta">
                    {t("versions.recentFields", { fields: fieldList(edit.fields, t) })}
                  </span>
                )}
                {!edit.latest && <span className="recent-meta">{t("versions.recentLater")}</span>}
                <button
                  type="button"
                  className="btn"
                  aria-label={t("versions.revertLabel", { name: edit.name, when })}
                  onClick={() => revert(edit)}
                >
                  {t("versions.revert")}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
