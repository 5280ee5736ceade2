/** Texts of the export menu, in Swedish and English (merged into the catalogues under "export"). */
export const exportMessages = {
  sv: {
    button: "Exportera",
  },
  en: {
    button: "Export",
  },
};
