/** Re-validates a stored record before it goes live again (approval, restore): schemas may have grown stricter since. */
import { InvalidFieldError } from "../../shared/errors";
import { type EditableEntity, EditableEntitySchema } from "../../shared/schema/editable";

export function validateEditable(entity: EditableEntity): EditableEntity {
  const result = EditableEntitySchema.safeParse(entity);
  if (result.success) return result.data as EditableEntity;
  const issue = result.error.issues[0];
  throw new InvalidFieldError(
    issue?.path.join(".") || "record",
    `the stored version is no longer valid: ${issue?.message}`,
  );
}
