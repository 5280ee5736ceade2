/** cytoscape-svg ships no types: it is a Cytoscape extension that adds cy.svg(options) → string. */
declare module "cytoscape-svg" {
  import type cytoscape from "cytoscape";

  const extension: cytoscape.Ext;
  export default extension;
}
