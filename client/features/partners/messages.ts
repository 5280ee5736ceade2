/** Texts of the partner suggestions' evidence, notices and missing-skill group (merged under "partners"). */
export const partnerMessages = {
  sv: {
    reason: {
      topicsDirect: "Arbetar med {{list}}",
      topicsInherited: "Har arbetat med {{list}} i projektet {{project}}",
      topicsDirectProject: "Handlar om {{list}}, som ni arbetar med",
      topicsInheritedProject: "Handlar om {{list}}, som ni har arbetat med i projektet {{project}}",
      sameEvidence: "Samma skäl som {{name}} ovan, som de har arbetat med: därför längre ned",
    },
    notice: {
      fallback: "Era medlemmar täcker redan alla era län, så Geografi visar närhet: organisationer i era egna län.",
      membersCoverAll: "Era medlemmar täcker redan alla era län — visa närhet i stället?",
      showNearby: "Visa närhet",
      noneMissing: "Kompetenser påverkar inte listan: era medlemmar erbjuder redan alla kompetenser ni behöver.",
      noneNeeded: "Kompetenser påverkar inte listan: projektet anger inga kompetenser det behöver.",
      noRegions: "Geografi påverkar inte listan: projektet anger inget län.",
      noTopics: "Ämnen påverkar inte listan: projektet anger inga ämnen.",
      noCandidate: "{{term}} påverkar inte listan: ingen kandidat får poäng för det.",
    },
    missingSkill: {
      heading: "Fyller en saknad kompetens",
      intro: "Ni behöver {{list}}, som ingen av era medlemmar och ingen av de fem första förslagen erbjuder:",
    },
  },
  en: {
    reason: {
      topicsDirect: "Works on {{list}}",
      topicsInherited: "Has worked on {{list}} in the project {{project}}",
      topicsDirectProject: "Is about {{list}}, which you work on",
      topicsInheritedProject: "Is about {{list}}, which you have worked on in the project {{project}}",
      sameEvidence: "Same reasons as {{name}} above, which it has worked with: so placed lower",
    },
    notice: {
      fallback:
        "Your members already cover all your counties, so Geography shows nearby: organisations in your own counties.",
      membersCoverAll: "Your members already cover all your counties — show nearby instead?",
      showNearby: "Show nearby",
      noneMissing: "Skills change nothing here: your members already offer every skill you need.",
      noneNeeded: "Skills change nothing here: the project lists no skills it needs.",
      noRegions: "Geography changes nothing here: the project lists no county.",
      noTopics: "Topics change nothing here: the project lists no topics.",
      noCandidate: "{{term}} changes nothing here: no candidate scores on it.",
    },
    missingSkill: {
      heading: "Fills a missing skill",
      intro: "You need {{list}}, which none of your members and none of the first five suggestions offers:",
    },
  },
};
