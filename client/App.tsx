/** The app shell: header (search, views, language), filters, the graph or list, and the details panel. */
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_WEIGHTS } from "../shared/schema/value-lists";
import { AccountMenu } from "./features/account/AccountMenu";
import { EntityActions } from "./features/account/EntityActions";
import { pageOfMailLink } from "./features/account/mail-link";
import type { WorkspacePage } from "./features/account/workspace-page";
import { OrganisationContact } from "./features/contact/OrganisationContact";
import { DetailsPanel } from "./features/details/DetailsPanel";
import { DetailsSheet } from "./features/details/DetailsSheet";
import { SkipLink } from "./features/details/SkipLink";
import { ExportMenu } from "./features/export/ExportMenu";
import { FilterPanel } from "./features/filters/FilterPanel";
import { FiltersDrawer } from "./features/filters/FiltersDrawer";
import { LanguageSwitch } from "./features/language/LanguageSwitch";
import { CountLine } from "./features/legend/CountLine";
import { Legend } from "./features/legend/Legend";
import { ListView } from "./features/list/ListView";
import { SuggestionsPanel } from "./features/partners/SuggestionsPanel";
import { SearchBox } from "./features/search/SearchBox";
import { GraphToolbar } from "./features/toolbar/GraphToolbar";
import { GraphView } from "./graph-view/GraphView";
import { errorText } from "./lib/error-text";
import { fetchGraph } from "./lib/fetch-graph";
import { trpc } from "./lib/trpc";
import { useNarrow } from "./lib/use-narrow";
import { buildFacetIndex, facetCounts, knownFilters, visibleKeys, withExpanded } from "./state/graph-filter";
import { EMPTY_FILTERS, filterParams, hasFilters, type View } from "./state/url-state";
import { useUrlState } from "./state/use-url-state";

/** The fragment that keeps "Kontaktförfrågningar" open across a reload. */
const CONTACTS_HASH = "#contacts";

/** The coverage view (maps, d3-geo, Sweden's outline) loads only when opened, keeping the first download small. */
const CoverageView = lazy(() => import("./features/coverage/CoverageView").then((m) => ({ default: m.CoverageView })));

/** Registration, review, history and account pages load on first use (forms and tables most visitors never open). */
const Workspace = lazy(() => import("./features/account/Workspace").then((m) => ({ default: m.Workspace })));

const VIEW_TABS: View[] = ["graph", "list", "coverage"];

export function App() {
  const { t } = useTranslation();
  const [state, update] = useUrlState();
  const narrow = useNarrow();
  const snapshot = useQuery({ queryKey: ["graph", "snapshot"], queryFn: fetchGraph });
  const [highlight, setHighlight] = useState<string[]>();
  const [webgl, setWebgl] = useState(false);
  const sizeBy = state.size;
  const metrics = useQuery({
    queryKey: ["graph", "metrics"],
    queryFn: () => trpc.graph.metrics.query(),
    enabled: sizeBy !== "degree",
  });
  const sizeMeasure = useMemo(() => {
    if (sizeBy === "degree" || !metrics.data) return undefined;
    const values = metrics.data[sizeBy];
    const max = Math.max(...values, Number.MIN_VALUE);
    return new Map(metrics.data.keys.map((key, i) => [key, (values[i] as number) / max]));
  }, [sizeBy, metrics.data]);
  const select = useCallback(
    (key: string | undefined) => {
      setHighlight(undefined);
      update({ selected: key });
    },
    [update],
  );
  const [selectedKind, selectedId] = state.selected?.split(":") ?? [];
  // A link from a mail (/#reset=…) opens its page; the fragment is then dropped so the secret leaves the address bar.
  // "Kontaktförfrågningar" holds no secret and is where the request mail leads: it keeps #contacts in the address
  // while open, so a reload (or a bookmark) comes back to it.
  const [workspace, setWorkspace] = useState<WorkspacePage | undefined>(() => pageOfMailLink(window.location.hash));
  useEffect(() => {
    const open = () => {
      const page = pageOfMailLink(window.location.hash);
      if (!page) return;
      setWorkspace(page);
      if (page.page !== "contacts")
        window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    };
    open();
    window.addEventListener("hashchange", open);
    return () => window.removeEventListener("hashchange", open);
  }, []);
  useEffect(() => {
    const here = window.location.hash === CONTACTS_HASH;
    const base = window.location.pathname + window.location.search;
    if (workspace?.page === "contacts" && !here)
      window.history.replaceState(window.history.state, "", base + CONTACTS_HASH);
    else if (workspace?.page !== "contacts" && here) window.history.replaceState(window.history.state, "", base);
  }, [workspace]);
  const showInMap = useCallback(
    (key: string) => {
      setWorkspace(undefined);
      setHighlight(undefined);
      update({ selected: key, view: state.view === "coverage" ? "graph" : state.view });
    },
    [update, state.view],
  );

  const index = useMemo(() => (snapshot.data ? buildFacetIndex(snapshot.data) : undefined), [snapshot.data]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const filters = useMemo(() => (index ? knownFilters(index, state.filters) : state.filters), [index, state.filters]);
  const visible = useMemo(() => {
    if (!index) return undefined;
    const allowed = visibleKeys(index, filters);
    return state.focus
      ? withExpanded(index, visibleKeys(index, filters, state.focus, state.hops), expanded, allowed)
      : allowed;
  }, [index, filters, state.focus, state.hops, expanded]);
  const counts = useMemo(() => (index ? facetCounts(index, filters) : undefined), [index, filters]);
  const taxonomy = useMemo(
    () => snapshot.data?.nodes.filter((n) => n.kind === "topic" || n.kind === "skill" || n.kind === "region") ?? [],
    [snapshot.data],
  );
  const narrowed = hasFilters(filters) || state.focus !== undefined;
  const clearFilters = () => update({ filters: EMPTY_FILTERS, focus: undefined });
  const filterLine = useMemo(() => {
    const names = (prefix: string, ids: string[]) =>
      ids.map((id) => index?.nodes.get(`${prefix}:${id}`)?.label[state.lang] ?? id).join(", ");
    const f = filters;
    const parts = [
      f.kinds.length > 0 && `${t("filters.kinds")}: ${f.kinds.map((k) => t(`kind.${k}`)).join(", ")}`,
      f.regions.length > 0 && `${t("filters.regions")}: ${names("region", f.regions)}`,
      f.topics.length > 0 && `${t("filters.topics")}: ${names("topic", f.topics)}`,
      f.skills.length > 0 && `${t("filters.skills")}: ${names("skill", f.skills)}`,
      f.orgKinds.length > 0 && `${t("filters.orgKinds")}: ${f.orgKinds.map((k) => t(`orgKind.${k}`)).join(", ")}`,
      f.status.length > 0 && `${t("filters.status")}: ${f.status.map((k) => t(`status.${k}`)).join(", ")}`,
      (f.yearFrom !== undefined || f.yearTo !== undefined) &&
        `${t("filters.years")}: ${f.yearFrom ?? "…"}–${f.yearTo ?? "…"}`,
      state.focus &&
        `${t("image.focus")}: ${index?.nodes.get(state.focus)?.label[state.lang] ?? state.focus} (${t("toolbar.hopsValue", { count: state.hops })})`,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(" · ") : t("image.whole");
  }, [filters, state.focus, state.hops, state.lang, index, t]);
  const exportQuery = useMemo(() => {
    const params = filterParams(filters);
    if (state.focus) {
      params.set("focus", state.focus);
      params.set("hops", String(state.hops));
    }
    return params.toString();
  }, [filters, state.focus, state.hops]);

  const selectedNode = state.selected ? index?.nodes.get(state.selected) : undefined;

  const graph = snapshot.data && (
    <GraphView
      snapshot={snapshot.data}
      visible={narrowed ? visible : undefined}
      layout={state.layout}
      webgl={webgl}
      lang={state.lang}
      selected={state.selected}
      highlight={highlight}
      sizeMeasure={sizeMeasure}
      filterLine={filterLine}
      onSelect={select}
    />
  );

  const filterPanel = counts && (
    <FilterPanel
      filters={filters}
      counts={counts}
      taxonomy={taxonomy}
      lang={state.lang}
      onChange={(filters) => update({ filters })}
    />
  );
  const chosenCount =
    filters.kinds.length +
    filters.regions.length +
    filters.topics.length +
    filters.skills.length +
    filters.orgKinds.length +
    filters.status.length +
    (filters.yearFrom !== undefined || filters.yearTo !== undefined ? 1 : 0);
  const toolbar = (
    <GraphToolbar
      layout={state.layout}
      onLayout={(layout) => update({ layout })}
      selected={selectedNode ? state.selected : undefined}
      focus={state.focus}
      hops={state.hops}
      onFocus={(focus, hops) => {
        setExpanded([]);
        update({ focus, hops });
      }}
      canExpand={state.focus !== undefined && state.selected !== undefined && (visible?.has(state.selected) ?? false)}
      onExpand={() => state.selected && setExpanded((list) => [...list, state.selected as string])}
      webgl={webgl}
      onWebgl={setWebgl}
      showGraphOptions={state.view === "graph"}
      sizeBy={sizeBy}
      onSizeBy={(size) => update({ size })}
    >
      <ExportMenu filterQuery={exportQuery} />
    </GraphToolbar>
  );

  if (state.embed) {
    return (
      <div className="app embed">
        <main className="graph-area embed-area" aria-label={t("graph.label")}>
          {graph}
          <Legend />
          <a
            className="embed-credit"
            href={window.location.href.replace(/([?&])embed=1&?/, "$1")}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t("app.openFull")}
          </a>
        </main>
      </div>
    );
  }

  return (
    <div className="app">
      {!workspace && (
        // Moves the focus without writing "#details" into the shareable URL.
        <SkipLink target={state.view === "coverage" ? "coverage" : "details"}>
          {state.view === "coverage" ? t("app.skipToCoverage") : t("app.skipToDetails")}
        </SkipLink>
      )}
      <header className="app-header">
        <div className="brand">
          <h1>{t("app.title")}</h1>
          <p>{t("app.tagline")}</p>
        </div>
        <SearchBox
          lang={state.lang}
          onPick={(key) => {
            setWorkspace(undefined);
            select(key);
          }}
        />
        <nav aria-label={t("nav.label")} className="view-tabs">
          {VIEW_TABS.map((view) => (
            <button
              key={view}
              type="button"
              aria-current={!workspace && state.view === view ? "page" : undefined}
              onClick={() => {
                setWorkspace(undefined);
                update({ view });
              }}
            >
              {t(`nav.${view}`)}
            </button>
          ))}
        </nav>
        <LanguageSwitch lang={state.lang} onChange={(lang) => update({ lang })} />
        <AccountMenu onOpen={setWorkspace} />
      </header>
      <div className="visually-hidden" aria-live="polite">
        {selectedNode
          ? t("announce.selected", { name: selectedNode.label[state.lang], kind: t(`kind.${selectedNode.kind}`) })
          : ""}
      </div>
      {workspace ? (
        <main className="app-main workspace-main" id="workspace">
          <Suspense fallback={<p className="graph-status">{t("registration.loading")}</p>}>
            <Workspace
              page={workspace}
              nodes={snapshot.data?.nodes}
              lang={state.lang}
              onOpen={setWorkspace}
              onShow={showInMap}
            />
          </Suspense>
        </main>
      ) : state.view === "coverage" ? (
        <main className="app-main coverage-main" id="coverage">
          <Suspense fallback={<p className="graph-status">{t("graph.loading")}</p>}>
            <CoverageView
              lang={state.lang}
              region={state.region}
              topic={state.topic}
              onRegion={(region) => update({ region })}
              onTopic={(topic) => update({ topic })}
              onSelectNode={(key) => update({ view: "graph", selected: key })}
              onShowInGraph={(code) =>
                update({
                  view: "graph",
                  region: undefined,
                  topic: undefined,
                  filters: { ...EMPTY_FILTERS, regions: [code] },
                })
              }
            />
          </Suspense>
        </main>
      ) : (
        <main className="app-main">
          {!narrow && (
            <aside className="filters-panel" aria-label={t("filters.title")}>
              {filterPanel}
            </aside>
          )}
          <div className="center">
            {narrow ? (
              <FiltersDrawer chosen={chosenCount}>
                {toolbar}
                {filterPanel}
              </FiltersDrawer>
            ) : (
              toolbar
            )}
            {snapshot.isLoading && <p className="graph-status">{t("graph.loading")}</p>}
            {snapshot.isError && (
              <p className="graph-status" role="alert">
                {t("graph.error", { message: errorText(snapshot.error, t) })}
              </p>
            )}
            {state.view === "list" && index && visible ? (
              <ListView index={index} visible={visible} lang={state.lang} selected={state.selected} onSelect={select} />
            ) : (
              <section className="graph-area" aria-label={t("graph.label")}>
                {graph}
                {/* The count line and the legend stack in one corner, clear of the graph's buttons in the other. */}
                <div className="graph-notes">
                  {snapshot.data && visible && (
                    <CountLine visible={visible} layout={state.layout} narrowed={narrowed} onClear={clearFilters} />
                  )}
                  <Legend />
                </div>
                {snapshot.data && visible && (
                  <CountLine
                    visible={visible}
                    layout={state.layout}
                    narrowed={narrowed}
                    onClear={clearFilters}
                    notice
                  />
                )}
              </section>
            )}
          </div>
          <DetailsSheet narrow={narrow} open={state.selected !== undefined}>
            <DetailsPanel selected={state.selected} lang={state.lang} onSelect={select}>
              {selectedId && (selectedKind === "project" || selectedKind === "organisation") && (
                <EntityActions
                  key={state.selected}
                  kind={selectedKind}
                  id={selectedId}
                  name={selectedNode?.label[state.lang] ?? selectedId}
                  onOpen={setWorkspace}
                  onDeleted={() => select(undefined)}
                />
              )}
              {selectedId && selectedKind === "organisation" && (
                <OrganisationContact
                  key={state.selected}
                  organisationId={selectedId}
                  name={selectedNode?.label[state.lang] ?? selectedId}
                  lang={state.lang}
                  projectName={(id) =>
                    snapshot.data?.nodes.find((n) => n.key === `project:${id}`)?.label[state.lang] ?? id
                  }
                />
              )}
              {state.selected && selectedId && (selectedKind === "project" || selectedKind === "organisation") && (
                <SuggestionsPanel
                  key={state.selected}
                  kind={selectedKind === "project" ? "partners" : "projects"}
                  weights={state.weights}
                  geography={state.geography}
                  onTuning={(tuning) => update(tuning, { replace: true })}
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
                  weights={DEFAULT_WEIGHTS}
                  geography="nearby"
                  id={selectedId}
                  selectedKey={state.selected}
                  lang={state.lang}
                  onSelect={select}
                  onHighlight={setHighlight}
                />
              )}
            </DetailsPanel>
          </DetailsSheet>
        </main>
      )}
    </div>
  );
}
