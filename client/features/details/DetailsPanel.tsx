/**
 * The details panel: what the selected node is, its facts, links, sources and neighbours grouped by relation. After a
 * search pick its heading takes the focus, and a skip link right after it reaches the first suggestion.
 */
import { type ReactNode, useEffect, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { KIND_STYLES } from "../../graph-view/kind-style";
import { errorText, httpStatusOf } from "../../lib/error-text";
import type { Lang } from "../../state/url-state";
import "./details.css";
import { clearDetailsFocus, pendingDetailsFocus, subscribeDetailsFocus } from "./focus-request";
import { NodeFacts } from "./NodeFacts";
import { SkipLink } from "./SkipLink";
import { useNodeDetails } from "./use-node-details";

/** Where the suggestions' skip link lands: the first suggestion, or the suggestions' heading while they load. */
const firstSuggestion = (root: HTMLElement | null) =>
  root?.querySelector<HTMLElement>("[data-suggestions] .suggestion-name") ??
  root?.querySelector<HTMLElement>("[data-suggestions] h3");

interface Props {
  selected: string | undefined;
  lang: Lang;
  onSelect: (key: string | undefined) => void;
  /** Shown after the facts: the suggestions for this node. */
  children?: ReactNode;
}

export function DetailsPanel({ selected, lang, onSelect, children }: Props) {
  const { t } = useTranslation();
  const { data, isLoading, isError, error } = useNodeDetails(selected);
  const heading = useRef<HTMLHeadingElement>(null);
  const article = useRef<HTMLElement>(null);
  const focusFor = useSyncExternalStore(subscribeDetailsFocus, pendingDetailsFocus);
  const shownKey = data?.node.key;
  useEffect(() => {
    if (focusFor === undefined || focusFor !== shownKey || !heading.current) return;
    clearDetailsFocus();
    heading.current.focus();
  }, [focusFor, shownKey]);

  if (!selected) return <p className="details-empty">{t("details.empty")}</p>;
  if (isLoading) return <p aria-busy="true">{t("details.loading")}</p>;
  if (isError || !data) {
    // A link to a node that no longer exists is the common case: say so in the user's language.
    const notFound = httpStatusOf(error) === 404;
    return (
      <p role="alert">{notFound ? t("details.notFound") : t("details.error", { message: errorText(error, t) })}</p>
    );
  }

  const record = data.record as { summary?: { sv: string; en: string }; website?: string; sources?: string[] };
  return (
    <article className="details" aria-labelledby="details-name" ref={article}>
      <header>
        <p className="details-kind">
          <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
            <path d={KIND_STYLES[data.node.kind].svgPath} fill={KIND_STYLES[data.node.kind].color} />
          </svg>
          {t(`kind.${data.node.kind}`)}
        </p>
        <h2 id="details-name" tabIndex={-1} ref={heading}>
          {data.node.label[lang]}
        </h2>
        {children && (data.node.kind === "project" || data.node.kind === "organisation") && (
          <SkipLink target={() => firstSuggestion(article.current)} className="details-skip">
            {t("details.skipToSuggestions")}
          </SkipLink>
        )}
        <button
          type="button"
          className="details-close"
          onClick={() => onSelect(undefined)}
          aria-label={t("details.close")}
        >
          ×
        </button>
      </header>
      {record.summary && <p className="details-summary">{record.summary[lang]}</p>}
      <NodeFacts details={data} lang={lang} />
      {record.website && (
        <p>
          <a href={record.website} target="_blank" rel="noopener noreferrer">
            {t("details.website")}: {new URL(record.website).hostname}
          </a>
        </p>
      )}
      {children}
      {data.neighbours.length > 0 && <h3>{t("details.neighbours")}</h3>}
      {data.neighbours.map((group) => (
        <section key={`${group.direction}:${group.relation}`} className="neighbour-group">
          <h4>
            {t(`relation.${group.relation}.${group.direction}`)} ({group.nodes.length})
          </h4>
          <ul>
            {group.nodes.map((n) => (
              <li key={n.key}>
                {/* data-node-key: focusing the button shows the node's full label in the graph (labels/use-labels.ts). */}
                <button type="button" className="link-button" data-node-key={n.key} onClick={() => onSelect(n.key)}>
                  <svg viewBox="0 0 20 20" width="12" height="12" aria-hidden="true">
                    <path d={KIND_STYLES[n.kind].svgPath} fill={KIND_STYLES[n.kind].color} />
                  </svg>
                  {n.label[lang]}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {record.sources && record.sources.length > 0 && (
        <>
          <h3>{t("details.sources")}</h3>
          <ul className="sources">
            {record.sources.map((url) => (
              <li key={url}>
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {url.replace(/^https?:\/\//, "")}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
