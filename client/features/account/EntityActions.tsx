/**
 * In the details panel, for a project's or organisation's owners and coordinators: edit, history and delete (after a
 * confirmation that says the record can be restored). Hidden from everyone else; the server checks again.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EditableKind } from "../../../shared/schema/editable";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import { staleDescription, staleOf } from "../history/stale-version";
import { canEdit } from "./can-edit";
import { refreshAfterWrite } from "./refresh-after-write";
import { useMe } from "./use-me";
import type { WorkspacePage } from "./workspace-page";

interface Props {
  kind: EditableKind;
  id: string;
  name: string;
  onOpen: (page: WorkspacePage) => void;
  onDeleted: () => void;
}

export function EntityActions({ kind, id, name, onOpen, onDeleted }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string>();
  const deleteButton = useRef<HTMLButtonElement>(null);
  const reasonId = useId();
  const allowed = canEdit(me, kind, id);
  // The version of the record as shown: a deletion names it, so it cannot remove something changed meanwhile unseen.
  const entity = useQuery({
    queryKey: ["entity", kind, id],
    queryFn: () => trpc.entity.get.query({ kind, id }),
    enabled: allowed,
    refetchOnWindowFocus: false,
  });
  if (!allowed) return null;

  const remove = async () => {
    setFailure(undefined);
    try {
      const expectedVersion = entity.data?.version ?? (await entity.refetch()).data?.version;
      if (expectedVersion === undefined) throw entity.error ?? new Error(`${kind} "${id}"`);
      await trpc.entity.delete.mutate({ kind, id, reason: reason.trim() || undefined, expectedVersion });
      onDeleted();
      // The history is where a deletion can be seen and undone.
      onOpen({ page: "history", kind, id });
      await refreshAfterWrite(queryClient);
    } catch (error) {
      const stale = staleOf(error);
      setFailure(
        stale
          ? t("versions.staleAction", { detail: staleDescription(stale, t) })
          : t("account.actions.failed", { message: errorText(error, t) }),
      );
      // Show the record as it is now (details, version), so a second confirmation is an informed one.
      if (stale) await refreshAfterWrite(queryClient);
    }
  };

  return (
    <section className="entity-actions" aria-label={t("account.actions.label")}>
      <div className="entity-action-buttons">
        <button type="button" className="btn" onClick={() => onOpen({ page: "edit", kind, id })}>
          {t("account.actions.edit")}
        </button>
        <button type="button" className="btn" onClick={() => onOpen({ page: "history", kind, id })}>
          {t("account.actions.history")}
        </button>
        <button
          ref={deleteButton}
          type="button"
          className="btn"
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          {t("account.actions.delete")}
        </button>
      </div>
      {confirming && (
        <fieldset className="confirm-box">
          <legend>{t("account.actions.delete")}</legend>
          <p>{t("account.actions.confirm", { name })}</p>
          <label htmlFor={reasonId}>{t("account.actions.reason")}</label>
          <input
            id={reasonId}
            className="confirm-reason"
            type="text"
            value={reason}
            maxLength={MAX_CHARS.reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="form-actions">
            <button type="button" className="btn danger" onClick={remove}>
              {t("account.actions.confirmDelete")}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setConfirming(false);
                deleteButton.current?.focus();
              }}
            >
              {t("account.actions.cancel")}
            </button>
          </div>
        </fieldset>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
