/** Domain errors shared by the server's pure modules; the API maps them to HTTP codes in one place. */

/** Something asked for by id does not exist: the API answers 404 with this message. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(kind: string, id: string) {
    super(`No ${kind} with id "${id}"`);
  }
}
