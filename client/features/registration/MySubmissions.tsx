/** "Mina inlämningar": what I have sent in, its status in words and, when rejected, the coordinator's reason. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import type { Lang } from "../../state/url-state";
import { actorName } from "../account/actor-name";
import { ME_KEY } from "../account/use-me";
import { formatWhen } from "./format-when";

interface Props {
  lang: Lang;
  onShow: (key: string) => void;
}

export function MySubmissions({ lang, onShow }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ["submission", "mine"], queryFn: () => trpc.submission.mine.query() });
  // An approval makes the submitter an owner: fetch "me" again so Edit appears on the new profile.
  useEffect(() => {
    if (mine.data?.some((s) => s.status === "approved")) void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [mine.data, queryClient]);
  return (
    <section className="workspace-page" aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {t("registration.mineTitle")}
      </h2>
      {mine.isLoading && <p aria-busy="true">{t("registration.loading")}</p>}
      {mine.isError && <p role="alert">{t("registration.mineFailed", { message: errorText(mine.error, t) })}</p>}
      {mine.data?.length === 0 && <p>{t("registration.mineEmpty")}</p>}
      {mine.data && mine.data.length > 0 && (
        <table className="data-table submissions-table">
          <caption className="visually-hidden">{t("registration.mineTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("registration.col.name")}</th>
              <th scope="col">{t("registration.col.kind")}</th>
              <th scope="col">{t("registration.col.submitted")}</th>
              <th scope="col">{t("registration.col.status")}</th>
              <th scope="col">{t("registration.col.decision")}</th>
            </tr>
          </thead>
          <tbody>
            {mine.data.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.status === "approved" ? (
                    <button type="button" className="link-button" onClick={() => onShow(`${s.kind}:${s.entityId}`)}>
                      {s.name}
                    </button>
                  ) : (
                    s.name
                  )}
                </th>
                <td>{t(`kind.${s.kind}`)}</td>
                <td>{formatWhen(s.submittedAt, lang)}</td>
                <td>
                  <span className={`status-badge status-${s.status}`}>
                    {t(`registration.submissionStatus.${s.status}`)}
                  </span>
                </td>
                <td>
                  {s.decidedAt && (
                    <span>
                      {t("registration.decidedLine", {
                        when: formatWhen(s.decidedAt, lang),
                        who: actorName(s.decidedBy ?? "", t),
                      })}
                    </span>
                  )}
                  {s.reason && <p className="decision-reason">{t("registration.reasonLine", { reason: s.reason })}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
