/** "Redigera": the same form as registration, filled from entity.get; saving goes through entity.update at once. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EditableEntity, EditableKind } from "../../../shared/schema/editable";
import type { Organisation } from "../../../shared/schema/organisation";
import type { Project } from "../../../shared/schema/project";
import { trpc } from "../../lib/trpc";
import { refreshAfterWrite } from "../account/refresh-after-write";
import type { WorkspacePage } from "../account/workspace-page";
import { OrganisationForm } from "./OrganisationForm";
import { organisationDraftOf } from "./organisation-draft";
import { ProjectForm } from "./ProjectForm";
import type { GraphChoices } from "./picker-options";
import { projectDraftOf } from "./project-draft";

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
  const note = useRef<HTMLDivElement>(null);
  // The form is rebuilt from the stored record after a save; focus goes to the note that says it worked.
  useEffect(() => {
    if (saved > 0) note.current?.focus();
  }, [saved]);
  const entity = useQuery({
    queryKey: ["entity", kind, id],
    queryFn: () => trpc.entity.get.query({ kind, id }),
  });
  const record = entity.data as Project | Organisation | undefined;

  const send = async (changed: EditableEntity) => {
    await trpc.entity.update.mutate(changed);
    await refreshAfterWrite(queryClient);
    setSaved((n) => n + 1);
  };
  const props = { choices, submitLabel: t("registration.save"), onSubmit: send, onDone: () => {} };

  return (
    <section className="workspace-page" aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {t("registration.editTitle", { name: record?.name ?? id })}
      </h2>
      {entity.isLoading && <p aria-busy="true">{t("registration.loading")}</p>}
      {entity.isError && <p role="alert">{t("registration.loadFailed", { message: entity.error.message })}</p>}
      <div ref={note} role="status" className="saved-note" tabIndex={-1}>
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
      {record &&
        (kind === "project" ? (
          <ProjectForm key={entity.dataUpdatedAt} initial={projectDraftOf(record as Project)} {...props} />
        ) : (
          <OrganisationForm
            key={entity.dataUpdatedAt}
            initial={organisationDraftOf(record as Organisation)}
            {...props}
          />
        ))}
    </section>
  );
}
