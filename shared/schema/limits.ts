/**
 * Every length and count limit on what comes from outside, in one place: the API's schemas, the forms' maxLength and
 * the import all read these. They sit far above any real record (the seed's longest name is 57 characters, summary
 * 155, URL 231, list 6 items) and far below what costs the server anything. Lengths count UTF-16 code units of the
 * text after NFC normalisation and trimming (JavaScript's `length`).
 */
export const MAX_CHARS = {
  /** Project and organisation names; topic, skill, län and funding call labels. */
  name: 200,
  /** Each language of a summary. */
  summary: 2_000,
  url: 2_000,
  slug: 100,
  /** A funding call's reference (diarienummer), a län's seat. */
  reference: 100,
  /** Why a submission was rejected or approved, why an entity was deleted. */
  reason: 1_000,
  displayName: 100,
  email: 254,
  /** Hashing is deliberately slow; the bound keeps one request from costing more than a normal sign-in. */
  password: 200,
  searchQuery: 200,
  fileName: 200,
  /** A shortlist entry's note: why this organisation, whom to ask, what was said. */
  shortlistNote: 1_000,
  /** A contact request's message, a report of one, a claim's word on who the claimant is. */
  contactMessage: 1_000,
  /** The optional note a recipient writes when reporting a contact request as abuse. */
  reportNote: 1_000,
} as const;

/** The longest text any field accepts: the import refuses a longer string before validating (cheap on a huge file). */
export const LONGEST_FIELD_CHARS = Math.max(...Object.values(MAX_CHARS));

export const MAX_ITEMS = {
  /** Topics, skills, län, partners, excluded ids, node kinds: any list of ids or choices. */
  list: 100,
  sources: 20,
  importFiles: 20,
} as const;

/** An import file sent from the browser (the request body limit, 1 MB, is the real bound; larger files use the CLI). */
export const MAX_IMPORT_TEXT_CHARS = 1_048_576;

/** Submissions a member may make in any 24 hours; coordinators and administrators create directly and are exempt. */
export const SUBMISSIONS_PER_DAY = 20;
export const SUBMISSION_WINDOW_HOURS = 24;

/** Organisations one project's shortlist may hold: more than anyone contacts, few enough for one CSV at a glance. */
export const SHORTLIST_MAX_ENTRIES = 100;

/** Contact requests one project may send in any 24 hours: enough to reach a shortlist, too few to spam with. */
export const CONTACT_REQUESTS_PER_PROJECT_PER_DAY = 5;
export const CONTACT_WINDOW_HOURS = 24;
