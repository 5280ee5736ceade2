/** The app shell: header with search and language, the graph with its legend, and the details panel. */
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { DetailsPanel } from "./features/details/DetailsPanel";
import { LanguageSwitch } from "./features/language/LanguageSwitch";
import { Legend } from "./features/legend/Legend";
import { SuggestionsPanel } from "./features/partners/SuggestionsPanel";
import { SearchBox } from "./features/search/SearchBox";
import { GraphView } from "./graph-view/GraphView";
import { trpc } from "./lib/trpc";
import { useUrlState } from "./state/use-url-state";

export function App() {
  const { t } = useTranslation();
  const [state, update] = useUrlState();
  const snapshot = useQuery({ queryKey: ["graph", "snapshot"], queryFn: () => trpc.graph.snapshot.query() });
  const [highlight, setHighlight] = useState<string[]>();
  const select = useCallback(
    (key: string | undefined) => {
      setHighlight(undefined);
      update({ selected: key });
    },
    [update],
  );
  const [selectedKind, selectedId] = state.selected?.split(":") ?? [];

  const counts = useMemo(() => {
    const c = { organisations: 0, projects: 0, regions: 0 };
    for (const n of snapshot.data?.nodes ?? []) {
      if (n.kind === "organisation") c.organisations++;
      else if (n.kind === "project") c.projects++;
      else if (n.kind === "region") c.regions++;
    }
    return c;
  }, [snapshot.data]);

  return (
    <div className="app">
      <a href="#details" className="skip-link">
        {t("app.skipToDetails")}
      </a>
      <header className="app-header">
        <div className="brand">
          <h1>{t("app.title")}</h1>
          <p>{t("app.tagline")}</p>
        </div>
        <SearchBox lang={state.lang} onPick={select} />
        <LanguageSwitch lang={state.lang} onChange={(lang) => update({ lang })} />
      </header>
      <main className="app-main">
        <section className="graph-area" aria-label={t("graph.label")}>
          {snapshot.isLoading && <p className="graph-status">{t("graph.loading")}</p>}
          {snapshot.isError && (
            <p className="graph-status" role="alert">
              {t("graph.error", { message: snapshot.error.message })}
            </p>
          )}
          {snapshot.data && (
            <GraphView
              snapshot={snapshot.data}
              lang={state.lang}
              selected={state.selected}
              highlight={highlight}
              onSelect={select}
            />
          )}
          <Legend />
          {snapshot.data && <p className="data-summary">{t("app.dataSummary", counts)}</p>}
        </section>
        <aside id="details" className="details-panel" aria-label={t("details.heading")} tabIndex={-1}>
          <DetailsPanel selected={state.selected} lang={state.lang} onSelect={select}>
            {state.selected && selectedId && (selectedKind === "project" || selectedKind === "organisation") && (
              <SuggestionsPanel
                key={state.selected}
                kind={selectedKind === "project" ? "partners" : "projects"}
                id={selectedId}
                selectedKey={state.selected}
                lang={state.lang}
                onSelect={select}
                onHighlight={setHighlight}
              />
            )}
            {state.selected && selectedId && selectedKind === "project" && (
              <SuggestionsPanel
                key={`${state.selected}-similar`}
                kind="similar"
                id={selectedId}
                selectedKey={state.selected}
                lang={state.lang}
                onSelect={select}
                onHighlight={setHighlight}
              />
            )}
          </DetailsPanel>
        </aside>
      </main>
    </div>
  );
}
