/** "Registrera ert projekt / er organisation": the form, sent as a pending submission, then a thank-you note. */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EditableEntity, EditableKind } from "../../../shared/schema/editable";
import { trpc } from "../../lib/trpc";
import type { WorkspacePage } from "../account/workspace-page";
import { OrganisationForm } from "./OrganisationForm";
import { EMPTY_ORGANISATION_DRAFT } from "./organisation-draft";
import { ProjectForm } from "./ProjectForm";
import type { GraphChoices } from "./picker-options";
import { EMPTY_PROJECT_DRAFT } from "./project-draft";

interface Props {
  kind: EditableKind;
  choices: GraphChoices;
  onOpen: (page: WorkspacePage) => void;
}

export function RegisterView({ kind, choices, onOpen }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<string>();
  const [round, setRound] = useState(0);
  const thanks = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  const send = async (entity: EditableEntity) => {
    await trpc.submission.create.mutate(entity);
    setSent(entity.record.name);
    void queryClient.invalidateQueries({ queryKey: ["submission"] });
  };
  const props = { choices, submitLabel: t("registration.submit"), onSubmit: send, onDone: () => {} };

  return (
    <section className="workspace-page" aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        {kind === "project" ? t("registration.titleProject") : t("registration.titleOrganisation")}
      </h2>
      {sent ? (
        <div className="thanks" role="status">
          <h3 ref={thanks} tabIndex={-1}>
            {t("registration.thanks")}
          </h3>
          <p>{t("registration.thanksText", { name: sent })}</p>
          <div className="form-actions">
            <button type="button" className="btn primary" onClick={() => onOpen({ page: "mine" })}>
              {t("registration.mineTitle")}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setSent(undefined);
                setRound((r) => r + 1);
              }}
            >
              {t("registration.another")}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>{t("registration.intro")}</p>
          {kind === "project" ? (
            <ProjectForm key={round} initial={EMPTY_PROJECT_DRAFT} {...props} />
          ) : (
            <OrganisationForm key={round} initial={EMPTY_ORGANISATION_DRAFT} {...props} />
          )}
        </>
      )}
    </section>
  );
}
