/** Domain errors shared by the server's pure modules; the API maps them to HTTP codes in one place. */

/** Something asked for by id does not exist: the API answers 404 with this message. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(kind: string, id: string) {
    super(`No ${kind} with id "${id}"`);
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
