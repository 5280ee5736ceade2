/** The details panel: what the selected node is, its facts, links, sources and neighbours grouped by relation. */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { KIND_STYLES } from "../../graph-view/kind-style";
import type { Lang } from "../../state/url-state";
import { NodeFacts } from "./NodeFacts";
import { useNodeDetails } from "./use-node-details";

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

  if (!selected) return <p className="details-empty">{t("details.empty")}</p>;
  if (isLoading) return <p aria-busy="true">{t("details.loading")}</p>;
  if (isError || !data) {
    // A link to a node that no longer exists is the common case: say so in the user's language.
    const notFound = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus === 404;
    return (
      <p role="alert">{notFound ? t("details.notFound") : t("details.error", { message: error?.message ?? "" })}</p>
    );
  }

  const record = data.record as { summary?: { sv: string; en: string }; website?: string; sources?: string[] };
  return (
    <article className="details" aria-labelledby="details-name">
      <header>
        <p className="details-kind">
          <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
            <path d={KIND_STYLES[data.node.kind].svgPath} fill={KIND_STYLES[data.node.kind].color} />
          </svg>
          {t(`kind.${data.node.kind}`)}
        </p>
        <h2 id="details-name" tabIndex={-1}>
          {data.node.label[lang]}
        </h2>
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
      <h3>{t("details.neighbours")}</h3>
      {data.neighbours.map((group) => (
        <section key={`${group.direction}:${group.relation}`} className="neighbour-group">
          <h4>
            {t(`relation.${group.relation}.${group.direction}`)} ({group.nodes.length})
          </h4>
          <ul>
            {group.nodes.map((n) => (
              <li key={n.key}>
                <button type="button" className="link-button" onClick={() => onSelect(n.key)}>
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
