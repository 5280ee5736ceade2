/**
 * For coordinators, under the review queue: "suggestion acted on" as figures, reported contact requests, and claims
 * of organisations' profiles to approve or reject (with a reason).
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";

export function ContactReview() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const figures = useQuery({ queryKey: ["contact", "figures"], queryFn: () => trpc.contact.figures.query() });
  const reports = useQuery({ queryKey: ["contact", "reports"], queryFn: () => trpc.contact.reports.query() });
  const claims = useQuery({
    queryKey: ["claim", "queue"],
    queryFn: () => trpc.claim.queue.query({ status: "pending" }),
  });
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [status, setStatus] = useState("");
  const reasonId = useId();
  const decide = async (id: number, approve: boolean) => {
    try {
      if (approve) await trpc.claim.approve.mutate({ id });
      else await trpc.claim.reject.mutate({ id, reason: reasons[id] ?? "" });
      setStatus(t(approve ? "contact.claimApproved" : "contact.claimRejected"));
      await queryClient.invalidateQueries({ queryKey: ["claim", "queue"] });
    } catch (error) {
      setStatus(t("contact.failed", { message: errorText(error, t) }));
    }
  };
  return (
    <section className="contact-review">
      <h3>{t("contact.figuresHeading")}</h3>
      {figures.data && <p data-contact-figures>{t("contact.figures", figures.data)}</p>}
      <h3>{t("contact.reportsHeading")}</h3>
      {reports.data?.length === 0 && <p>{t("contact.noReports")}</p>}
      <ul>
        {reports.data?.map((r) => (
          <li key={r.requestId}>
            {t("contact.reportLine", {
              project: r.projectName,
              organisation: r.organisationName,
              sender: r.senderName,
              by: r.reportedBy,
              note: r.note || "–",
            })}
            <p className="contact-message">{r.message}</p>
          </li>
        ))}
      </ul>
      <h3>{t("contact.claimsHeading")}</h3>
      {claims.data?.length === 0 && <p>{t("contact.noClaims")}</p>}
      <ul>
        {claims.data?.map((c) => (
          <li key={c.id}>
            <p>
              {t("contact.claimLine", {
                claimant: c.claimantName,
                organisation: c.organisationName,
                message: c.message,
              })}
            </p>
            <label htmlFor={`${reasonId}-${c.id}`}>
              {t("contact.rejectReasonFor", { claimant: c.claimantName, organisation: c.organisationName })}
            </label>
            <input
              id={`${reasonId}-${c.id}`}
              type="text"
              maxLength={MAX_CHARS.reason}
              value={reasons[c.id] ?? ""}
              onChange={(e) => setReasons({ ...reasons, [c.id]: e.target.value })}
            />
            <div className="form-actions">
              <button
                type="button"
                className="btn primary"
                aria-label={t("contact.approveFor", { claimant: c.claimantName, organisation: c.organisationName })}
                onClick={() => decide(c.id, true)}
              >
                {t("contact.approve")}
              </button>
              <button
                type="button"
                className="btn"
                aria-label={t("contact.rejectFor", { claimant: c.claimantName, organisation: c.organisationName })}
                onClick={() => decide(c.id, false)}
              >
                {t("contact.reject")}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
