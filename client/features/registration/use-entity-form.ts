/**
 * Submitting a project or organisation form: validate in the browser with the shared schema, send, and show every
 * refusal (the browser's or the server's) next to its field; focus then moves to the first invalid field.
 */
import { useState } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import { type EditableEntity, EditableEntitySchema, type EditableKind } from "../../../shared/schema/editable";
import { SUBMISSIONS_PER_DAY } from "../../../shared/schema/limits";
import { errorText } from "../../lib/error-text";
import type { Lang } from "../../state/url-state";
import { apiErrorOf } from "../account/api-error";
import { localiseProblems, problemsFromIssues, problemsFromServer } from "./field-errors";
import { formatWhen } from "./format-when";

export function useEntityForm(kind: EditableKind, formId: string, order: readonly string[]) {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);
  const idOf = (field: string) => `${formId}-${field.replace(/\./g, "-")}`;

  const show = (found: Record<string, string>) => {
    // The id comes from the name, so a refused id is the name field's problem.
    if (found.id && !found.name) found.name = found.id;
    delete found.id;
    flushSync(() => setErrors(found));
    const first = order.find((f) => found[f]) ?? Object.keys(found)[0];
    const target = (first && document.getElementById(idOf(first))) || document.getElementById(`${formId}-summary`);
    target?.focus();
  };

  /** Resolves true when the entity was accepted. */
  const submit = async (record: Record<string, unknown>, send: (entity: EditableEntity) => Promise<unknown>) => {
    setFormError(undefined);
    const parsed = EditableEntitySchema.safeParse({ kind, record });
    const id = String(record.id ?? "");
    if (!parsed.success) {
      show(localiseProblems(problemsFromIssues(parsed.error.issues), t, id));
      return false;
    }
    setErrors({});
    setPending(true);
    try {
      await send(parsed.data as EditableEntity);
      return true;
    } catch (error) {
      const { status, message } = apiErrorOf(error);
      const problems = problemsFromServer(message, status);
      const retryAt = status === 429 ? /\d{4}-\d\d-\d\dT[\d:.]+Z/.exec(message)?.[0] : undefined;
      if (retryAt) {
        const when = formatWhen(retryAt, i18n.language as Lang);
        setFormError(t("registration.tooManySubmissions", { limit: SUBMISSIONS_PER_DAY, when }));
      } else if (problems.length > 0) show(localiseProblems(problems, t, id));
      else setFormError(t("registration.failed", { message: errorText(error, t) }));
      return false;
    } finally {
      setPending(false);
    }
  };

  /** Errors in the order of the fields, for the summary above the form. */
  const ordered = Object.entries(errors).sort(
    ([a], [b]) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999),
  );
  return { errors, ordered, formError, pending, submit, idOf };
}
