/** "Granska": the coordinators' queue of submissions; approving puts the entity in the graph at once. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SUBMISSION_STATUSES, type SubmissionStatus } from "../../../shared/schema/editable";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import type { Lang } from "../../state/url-state";
import { refreshAfterWrite } from "../account/refresh-after-write";
import type { NodeName } from "../registration/field-format";
import { DeletedEntities } from "./DeletedEntities";
import { type Outcome, OutcomeNote } from "./OutcomeNote";
import { RecentEdits } from "./RecentEdits";
import { SubmissionReview } from "./SubmissionReview";

interface Props {
  lang: Lang;
  name: NodeName;
  onShow: (key: string) => void;
}

export function ReviewQueue({ lang, name, onShow }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SubmissionStatus>("pending");
  const [outcome, setOutcome] = useState<Outcome>();
  const queue = useQuery({
    queryKey: ["submission", "queue", status],
    queryFn: () => trpc.submission.queue.query({ status }),
  });

  const decide = async (act: () => Promise<unknown>, text: string, show?: string) => {
    try {
      await act();
      setOutcome({ text, show });
      await refreshAfterWrite(queryClient);
    } catch (error) {
      setOutcome({ text: t("moderation.actionFailed", { message: errorText(error, t) }) });
    }
    // The decided submission leaves the list; focus goes to the outcome so it is not lost.
    document.getElementById("review-outcome")?.focus();
  };

  return (
    <section className="workspace-page" aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {t("moderation.title")}
      </h2>
      <p>{t("moderation.intro")}</p>
      <div className="form-field inline-field">
        <label htmlFor="review-status">{t("moderation.filter")}</label>
        <select id="review-status" value={status} onChange={(e) => setStatus(e.target.value as SubmissionStatus)}>
          {SUBMISSION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`registration.submissionStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <OutcomeNote id="review-outcome" outcome={outcome} onShow={onShow} />
      {queue.isLoading && <p aria-busy="true">{t("registration.loading")}</p>}
      {queue.isError && <p role="alert">{t("moderation.failed", { message: errorText(queue.error, t) })}</p>}
      {queue.data?.length === 0 && <p>{t("moderation.empty")}</p>}
      {queue.data?.map((s) => (
        <SubmissionReview
          key={s.id}
          submission={s}
          lang={lang}
          name={name}
          onApprove={(sub) =>
            decide(
              () => trpc.submission.approve.mutate({ id: sub.id }),
              t("moderation.approved", { name: sub.name }),
              `${sub.kind}:${sub.entityId}`,
            )
          }
          onReject={(sub, reason) =>
            decide(
              () => trpc.submission.reject.mutate({ id: sub.id, reason }),
              t("moderation.rejected", { name: sub.name }),
            )
          }
        />
      ))}
      <RecentEdits lang={lang} onShow={onShow} />
      <DeletedEntities lang={lang} onShow={onShow} />
    </section>
  );
}
