/**
 * "Redigera": the same form as registration, filled from entity.get; saving goes through entity.update at once,
 * naming the version the form was filled from. If someone else saved meanwhile, the server refuses (409) and the
 * form says who changed which fields, and offers to reload keeping one's own changes, or to reload without them.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EditableEntity, EditableKind, StaleVersion } from "../../../shared/schema/editable";
import type { Organisation } from "../../../shared/schema/organisation";
import type { Project } from "../../../shared/schema/project";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import { refreshAfterWrite } from "../account/refresh-after-write";
import type { WorkspacePage } from "../account/workspace-page";
import { fieldList, keepMine, staleOf } from "../history/stale-version";
import { ConflictNotice } from "./ConflictNotice";
import { OrganisationForm } from "./OrganisationForm";
import { organisationDraftOf } from "./organisation-draft";
import { ProjectForm } from "./ProjectForm";
import type { GraphChoices } from "./picker-options";
import { projectDraftOf } from "./project-draft";

type EditableRecord = Project | Organisation;

/** What the form edits: the stored version it started from, what it shows, and a key to rebuild it. */
interface Editing {
  base: EditableRecord;
  version: number;
  shown: EditableRecord;
  form: number;
}

interface Props {
  kind: EditableKind;
  id: string;
  choices: GraphChoices;
  onOpen: (page: WorkspacePage) => void;
  onShow: (key: string) => void;
}

export function EditView({ kind, id, choices, onOpen, onShow }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(0);
  const [editing, setEditing] = useState<Editing>();
  const [conflict, setConflict] = useState<{ stale: StaleVersion; mine: EditableRecord }>();
  const [reloadNote, setReloadNote] = useState<string>();
  const note = useRef<HTMLDivElement>(null);
  const entity = useQuery({
    queryKey: ["entity", kind, id],
    queryFn: () => trpc.entity.get.query({ kind, id }),
  });
  // The form is filled once; a background refetch never swaps someone's draft out from under them.
  useEffect(() => {
    if (!editing && entity.data) {
      setEditing({ base: entity.data.record, version: entity.data.version, shown: entity.data.record, form: 0 });
    }
  }, [editing, entity.data]);
  // After a save or a reload the form is rebuilt; focus goes to the note that says what happened.
  useEffect(() => {
    if (saved > 0 || reloadNote) note.current?.focus();
  }, [saved, reloadNote]);
  const record = editing?.shown ?? entity.data?.record;

  const send = async (changed: EditableEntity) => {
    if (!editing) return;
    try {
      const written = await trpc.entity.update.mutate({ ...changed, expectedVersion: editing.version });
      setConflict(undefined);
      setReloadNote(undefined);
      setEditing({ base: written.record, version: written.version, shown: written.record, form: editing.form + 1 });
      await refreshAfterWrite(queryClient);
      setSaved((n) => n + 1);
    } catch (error) {
      const stale = staleOf(error);
      // Other refusals (a bad field) go back to the form, which shows them by their fields.
      if (!stale) throw error;
      setSaved(0);
      setReloadNote(undefined);
      setConflict({ stale, mine: changed.record });
    }
  };

  /** Loads the latest version; with `keep`, puts the fields I changed back on top of it. */
  const reload = async (keep: boolean) => {
    if (!editing || !conflict) return;
    try {
      const fresh = await trpc.entity.get.query({ kind, id });
      let shown = fresh.record;
      let text = t("versions.reloaded");
      if (keep) {
        const { merged, mine } = keepMine(editing.base, conflict.mine, fresh.record);
        shown = merged;
        const overlap = mine.filter((f) => conflict.stale.changedFields.includes(f));
        text =
          mine.length === 0
            ? t("versions.mergedNothing")
            : t("versions.merged", { fields: fieldList(mine, t) }) +
              (overlap.length > 0 ? ` ${t("versions.overlap", { fields: fieldList(overlap, t) })}` : "");
      }
      setConflict(undefined);
      setEditing({ base: fresh.record, version: fresh.version, shown, form: editing.form + 1 });
      setReloadNote(text);
      await queryClient.invalidateQueries({ queryKey: ["entity", kind, id] });
    } catch (error) {
      setReloadNote(t("versions.reloadFailed", { message: errorText(error, t) }));
    }
  };

  const props = { choices, submitLabel: t("registration.save"), onSubmit: send, onDone: () => {} };

  return (
    <section className="workspace-page" aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {t("registration.editTitle", { name: record?.name ?? id })}
      </h2>
      {entity.isLoading && <p aria-busy="true">{t("registration.loading")}</p>}
      {entity.isError && <p role="alert">{t("registration.loadFailed", { message: errorText(entity.error, t) })}</p>}
      <div ref={note} role="status" className="saved-note" tabIndex={-1}>
        {reloadNote && <span>{reloadNote}</span>}
        {saved > 0 && (
          <>
            <span>{t("registration.saved")}</span>{" "}
            <button type="button" className="link-button" onClick={() => onShow(`${kind}:${id}`)}>
              {t("registration.showInMap")}
            </button>{" "}
            <button type="button" className="link-button" onClick={() => onOpen({ page: "history", kind, id })}>
              {t("account.actions.history")}
            </button>
          </>
        )}
      </div>
      {conflict && (
        <ConflictNotice stale={conflict.stale} onKeepMine={() => reload(true)} onDiscard={() => reload(false)} />
      )}
      {editing &&
        (kind === "project" ? (
          <ProjectForm key={editing.form} initial={projectDraftOf(editing.shown as Project)} {...props} />
        ) : (
          <OrganisationForm
            key={editing.form}
            initial={organisationDraftOf(editing.shown as Organisation)}
            {...props}
          />
        ))}
    </section>
  );
}
