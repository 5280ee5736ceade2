/**
 * An event's kind from its title, since the site has no such field: the words the network itself uses
 * ("Hackathon #2", "Civic Tech Lab: …", "Workshop kring remissvar …", "GovTech Day 2020", "Meetup #1").
 * The first rule that matches wins; a title none matches is "other".
 */
export type SiteEventKind = "hackathon" | "meetup" | "workshop" | "conference" | "consultation" | "other";

const RULES: [RegExp, SiteEventKind][] = [
  [/\bhack(athon|a)?\b|hackathon/i, "hackathon"],
  [/remiss|utfr[aå]gning|consultation|inquiry|tyck till|have a say/i, "consultation"],
  [/\blab\b|workshop|sprint|koda med oss|code with us|cryptoparty|debian day/i, "workshop"],
  [/\bday\b|dag\b|demodag|demo day|konferens|conference|almedalen/i, "conference"],
  [/meetup|m[oö]te[rs]?\b|meets|sthlm #|fika|h[aä]ng|hangout|open data day/i, "meetup"],
];

export function eventKindOf(title: string): SiteEventKind {
  for (const [rule, kind] of RULES) if (rule.test(title)) return kind;
  return "other";
}
