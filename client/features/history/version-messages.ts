/**
 * Texts about versions (under "versions"), in Swedish and English: a save, deletion, restore or revert refused because
 * someone else changed the record meanwhile, and the coordinators' list of owners' recent edits.
 */
export const versionMessages = {
  sv: {
    conflictTitle: "Någon annan har ändrat posten medan du redigerade",
    someone: "Någon annan",
    changedFields: "{{who}} ändrade: {{fields}}.",
    changedNoFields: "{{who}} har sparat posten på nytt sedan du öppnade den.",
    deletedMeanwhile: "{{who}} har tagit bort posten sedan du öppnade den.",
    notSaved: "Dina ändringar är inte sparade än. Välj hur du vill fortsätta:",
    keepMine: "Ladda om och behåll mina ändringar",
    discardMine: "Ladda om (släng mina ändringar)",
    merged: "Laddade om den senaste versionen och lade tillbaka dina ändringar: {{fields}}. Granska och spara igen.",
    mergedNothing: "Laddade om den senaste versionen. Du hade inte ändrat något.",
    overlap: "Obs: {{fields}} hade ändrats av båda; nu gäller ditt värde.",
    reloaded: "Laddade om den senaste versionen.",
    reloadFailed: "Kunde inte ladda om: {{message}}",
    staleAction:
      "Det gick inte, posten har ändrats sedan du laddade den. {{detail}} Sidan visar nu den senaste versionen; försök igen om du fortfarande vill.",
    recentTitle: "Senaste ändringar",
    recentIntro:
      "Ändringar som ägare har gjort direkt de senaste {{days}} dagarna, nyast först. De syns i kartan redan; en samordnare kan återställa en med ett klick.",
    recentEmpty: "Inga ändringar av ägare de senaste {{days}} dagarna.",
    recentFailed: "Kunde inte hämta ändringarna: {{message}}",
    recentUpdate: "{{who}} ändrade {{kind}} {{name}}",
    recentDelete: "{{who}} tog bort {{kind}} {{name}}",
    recentFields: "Fält: {{fields}}",
    recentLater: "Ändrad igen senare",
    revert: "Återställ",
    revertLabel: "Återställ ändringen av {{name}} från {{when}}",
    reverted: "Ändringen av {{name}} är återställd.",
  },
  en: {
    conflictTitle: "Someone else changed this record while you were editing",
    someone: "Someone else",
    changedFields: "{{who}} changed: {{fields}}.",
    changedNoFields: "{{who}} saved the record again since you opened it.",
    deletedMeanwhile: "{{who}} deleted the record since you opened it.",
    notSaved: "Your changes are not saved yet. Choose how to go on:",
    keepMine: "Reload and keep my changes",
    discardMine: "Reload (discard mine)",
    merged: "Reloaded the latest version and put your changes back: {{fields}}. Check and save again.",
    mergedNothing: "Reloaded the latest version. You had not changed anything.",
    overlap: "Note: {{fields}} had been changed by both of you; your value now applies.",
    reloaded: "Reloaded the latest version.",
    reloadFailed: "Could not reload: {{message}}",
    staleAction:
      "That did not work: the record changed since you loaded it. {{detail}} The page now shows the latest version; try again if you still want to.",
    recentTitle: "Recent edits",
    recentIntro:
      "Edits owners made directly in the last {{days}} days, newest first. They are on the map already; a coordinator can revert one in one click.",
    recentEmpty: "No edits by owners in the last {{days}} days.",
    recentFailed: "Could not load the edits: {{message}}",
    recentUpdate: "{{who}} edited {{kind}} {{name}}",
    recentDelete: "{{who}} deleted {{kind}} {{name}}",
    recentFields: "Fields: {{fields}}",
    recentLater: "Edited again since",
    revert: "Revert",
    revertLabel: "Revert the edit of {{name}} from {{when}}",
    reverted: "The edit of {{name}} is reverted.",
  },
};
