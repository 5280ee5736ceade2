/** The knobs of the generator and their defaults, tuned so 40 000 projects and 60 000 organisations give ≈ 1 000 000 edges. */

export interface Tuning {
  /** Mean number of partners per project (besides the lead); long-tailed. */
  partnersMean: number;
  /** Share of organisations that are national hubs. */
  hubShare: number;
  /** Share of projects with a funding call. */
  fundedShare: number;
  /** Mean topics of an ordinary organisation (hubs get about twice as many). */
  topicsPerOrganisation: number;
  /** Mean skills an ordinary organisation offers. */
  skillsPerOrganisation: number;
  /** Mean topics of a project. */
  topicsPerProject: number;
  /** Mean skills a project needs. */
  skillsPerProject: number;
  /** Share of partner slots filled by a national hub. */
  hubPartnerShare: number;
  /** Share of partner slots filled from the lead's own län, and from a neighbouring län (same community). */
  localPartnerShare: number;
  neighbourPartnerShare: number;
  /** Share of partner slots filled from anywhere in the community; the rest go to anyone (cross-community). */
  communityPartnerShare: number;
}

export const DEFAULT_TUNING: Tuning = {
  partnersMean: 4.6,
  hubShare: 0.015,
  fundedShare: 0.35,
  topicsPerOrganisation: 3,
  skillsPerOrganisation: 3.6,
  topicsPerProject: 3,
  skillsPerProject: 3,
  hubPartnerShare: 0.12,
  localPartnerShare: 0.45,
  neighbourPartnerShare: 0.2,
  communityPartnerShare: 0.13,
};

/** The year "now" is for statuses: fixed, so that the output does not depend on the clock. */
export const REFERENCE_YEAR = 2025;
export const FIRST_YEAR = 2012;
