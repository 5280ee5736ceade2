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
      fallback:
        "Era medlemmar täcker redan alla era län, så Geografi visar närhet: organisationer i era egna län. Det valdes automatiskt.",
      membersCoverAll: "Era medlemmar täcker redan alla era län — visa närhet i stället?",
      showNearby: "Visa närhet",
      keepComplement: "Använd Komplettera ändå",
      noneMissing: "Kompetenser påverkar inte listan: era medlemmar erbjuder redan alla kompetenser ni behöver.",
      noneNeeded: "Kompetenser påverkar inte listan: projektet anger inga kompetenser det behöver.",
      noRegions: "Geografi påverkar inte listan: projektet anger inget län.",
      noTopics: "Ämnen påverkar inte listan: projektet anger inga ämnen.",
      noCandidate: "{{term}} påverkar inte listan: ingen kandidat får poäng för det.",
    },
    shortlist: {
      heading: "Kortlista",
      intro:
        "Organisationer ni vill kontakta, med en anteckning. Bara projektets ägare, samordnare och administratörer ser listan.",
      empty: "Inga sparade organisationer än: spara ett förslag med ”Spara i kortlistan”.",
      size: "{{saved}} av högst {{max}} organisationer",
      toggle: "Spara i kortlistan",
      toggleFor: "Spara i kortlistan: {{name}}",
      saved: "Sparad i kortlistan: {{name}}",
      removed: "Borttagen ur kortlistan: {{name}}",
      note: "Anteckning om {{name}}",
      saveNote: "Spara anteckningen",
      saveNoteFor: "Spara anteckningen: {{name}}",
      noteSaved: "Anteckningen om {{name}} är sparad",
      remove: "Ta bort",
      removeFor: "Ta bort ur kortlistan: {{name}}",
      gone: "borttagen ur kartan",
      addedAt: "Tillagd {{date}}",
      download: "Ladda ned CSV",
      failed: "Det gick inte: {{message}}",
      refused_one:
        "Ett osynligt tecken eller styrtecken togs bort ({{list}}): det syns inte men kan ändra hur texten läses.",
      refused_other:
        "{{count}} osynliga tecken eller styrtecken togs bort ({{list}}): de syns inte men kan ändra hur texten läses.",
      refusedAt: "{{codePoint}} på plats {{position}}",
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
        "Your members already cover all your counties, so Geography shows nearby: organisations in your own counties. It was chosen automatically.",
      membersCoverAll: "Your members already cover all your counties — show nearby instead?",
      showNearby: "Show nearby",
      keepComplement: "Use Complement anyway",
      noneMissing: "Skills change nothing here: your members already offer every skill you need.",
      noneNeeded: "Skills change nothing here: the project lists no skills it needs.",
      noRegions: "Geography changes nothing here: the project lists no county.",
      noTopics: "Topics change nothing here: the project lists no topics.",
      noCandidate: "{{term}} changes nothing here: no candidate scores on it.",
    },
    shortlist: {
      heading: "Shortlist",
      intro:
        "Organisations you mean to contact, with a note. Only the project's owners, coordinators and administrators see the list.",
      empty: "Nothing saved yet: save a suggestion with “Save to shortlist”.",
      size: "{{saved}} of at most {{max}} organisations",
      toggle: "Save to shortlist",
      toggleFor: "Save to shortlist: {{name}}",
      saved: "Saved to the shortlist: {{name}}",
      removed: "Removed from the shortlist: {{name}}",
      note: "Note on {{name}}",
      saveNote: "Save the note",
      saveNoteFor: "Save the note: {{name}}",
      noteSaved: "The note on {{name}} is saved",
      remove: "Remove",
      removeFor: "Remove from the shortlist: {{name}}",
      gone: "removed from the map",
      addedAt: "Added {{date}}",
      download: "Download CSV",
      failed: "That did not work: {{message}}",
      refused_one:
        "An invisible or control character was removed ({{list}}): it does not show but can change how the text reads.",
      refused_other:
        "{{count}} invisible or control characters were removed ({{list}}): they do not show but can change how the text reads.",
      refusedAt: "{{codePoint}} at position {{position}}",
    },
    missingSkill: {
      heading: "Fills a missing skill",
      intro: "You need {{list}}, which none of your members and none of the first five suggestions offers:",
    },
  },
};
