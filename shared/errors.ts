/** Domain errors shared by the server's pure modules; the API maps them to HTTP codes in one place. */
import type { StaleVersion } from "./schema/editable";

/** Something asked for by id does not exist: the API answers 404 with this message. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(
    kind: string,
    id: string,
    /** The input field that named it, when there is one: the message and the answer's fieldErrors then say so. */
    readonly field?: string,
  ) {
    super(field ? `field "${field}": no ${kind} with id "${id}"` : `No ${kind} with id "${id}"`);
  }
}

/** The request clashes with what is stored (an id taken, an entity still referenced): 409, naming the field. */
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`field "${field}": ${message}`);
  }
}

/** Input that passed its schema but not the data (an unknown topic, a change that cannot be restored): 400, naming the field. */
export class InvalidFieldError extends Error {
  override name = "InvalidFieldError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`Invalid input: field "${field}": ${message}`);
  }
}

/**
 * A write made from an older version of an entity than the one stored (optimistic concurrency): 409, on the field
 * `expectedVersion`, naming the fields changed meanwhile; `stale` carries the current record for the form to merge.
 */
export class StaleVersionError extends ConflictError {
  override name = "StaleVersionError";
  constructor(readonly stale: StaleVersion) {
    const { kind, id, expectedVersion, currentVersion, current, changedFields, changedBy } = stale;
    const by = changedBy.length > 0 ? `, by ${changedBy.join(", ")}` : "";
    const what =
      current === null
        ? "it was deleted meanwhile"
        : changedFields.length > 0
          ? `fields changed meanwhile: ${changedFields.join(", ")}`
          : "no field differs, but it was written meanwhile";
    super(
      "expectedVersion",
      `${kind} "${id}" changed since version ${expectedVersion} (now version ${currentVersion}${by}): ${what}; reload it and apply your changes again`,
    );
  }
}
