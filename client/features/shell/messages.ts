/** Texts of the narrow-screen shell: the header menu, the filters drawer and the details sheet (under "shell"). */
export const shellMessages = {
  sv: {
    menu: "Meny",
    filters: "Filter och vy",
    filtersChosen: "Filter och vy ({{count}} valda)",
    closeFilters: "Stäng filter",
    showResults: "Visa resultat",
    sheetFull: "Visa i helskärm",
  },
  en: {
    menu: "Menu",
    filters: "Filters and view",
    filtersChosen: "Filters and view ({{count}} chosen)",
    closeFilters: "Close filters",
    showResults: "Show results",
    sheetFull: "Full screen",
  },
} as const;
