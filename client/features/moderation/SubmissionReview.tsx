/** One submission in the queue: who sent it, the full record, and approve or reject with a reason (required). */
import { useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import type { Submission } from "../../../shared/schema/editable";
import type { Lang } from "../../state/url-state";
import { actorName } from "../account/actor-name";
import { FieldError } from "../registration/FieldError";
import type { NodeName } from "../registration/field-format";
import { formatWhen } from "../registration/format-when";
import { RecordView } from "./RecordView";

interface Props {
  submission: Submission;
  lang: Lang;
  name: NodeName;
  onApprove: (s: Submission) => Promise<void>;
  onReject: (s: Submission, reason: string) => Promise<void>;
}

export function SubmissionReview({ submission: s, lang, name, onApprove, onReject }: Props) {
  const { t } = useTranslation();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const pending = s.status === "pending";

  const reject = async () => {
    if (reason.trim() === "") {
      flushSync(() => setError(t("moderation.reasonRequired")));
      reasonInput.current?.focus();
      return;
    }
    setBusy(true);
    await onReject(s, reason.trim()).finally(() => setBusy(false));
  };

  return (
    <article className="submission" aria-labelledby={`${id}-name`}>
      <header>
        <h3 id={`${id}-name`}>{s.name}</h3>
        <p className="submission-meta">
          {t(`kind.${s.kind}`)} ·{" "}
          {t("moderation.submittedBy", { when: formatWhen(s.submittedAt, lang), who: actorName(s.submittedBy, t) })} ·{" "}
          <span className={`status-badge status-${s.status}`}>{t(`registration.submissionStatus.${s.status}`)}</span>
        </p>
        {s.reason && <p className="decision-reason">{t("registration.reasonLine", { reason: s.reason })}</p>}
      </header>
      <RecordView record={s.record} name={name} />
      {pending && (
        <div className="form-actions">
          <button
            type="button"
            className="btn primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              await onApprove(s).finally(() => setBusy(false));
            }}
          >
            {t("moderation.approve")}
            <span className="visually-hidden"> {s.name}</span>
          </button>
          <button type="button" className="btn" aria-expanded={rejecting} onClick={() => setRejecting((r) => !r)}>
            {t("moderation.reject")}
            <span className="visually-hidden"> {s.name}</span>
          </button>
        </div>
      )}
      {pending && rejecting && (
        <div className={`form-field reject-box${error ? " has-error" : ""}`}>
          <label htmlFor={`${id}-reason`}>
            {t("moderation.rejectReason")}
            <span aria-hidden="true"> *</span>
          </label>
          <textarea
            ref={reasonInput}
            id={`${id}-reason`}
            rows={2}
            value={reason}
            aria-required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-reason-error` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <FieldError id={`${id}-reason-error`} message={error} />
          <div className="form-actions">
            <button type="button" className="btn danger" disabled={busy} onClick={reject}>
              {t("moderation.rejectConfirm")}
            </button>
            <button type="button" className="btn" onClick={() => setRejecting(false)}>
              {t("moderation.cancel")}
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
