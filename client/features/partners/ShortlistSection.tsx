/**
 * "Kortlista / Shortlist": the organisations a project's owners have saved from its suggestions, each with an
 * editable note and a remove button, and the list as a CSV download (with the weights on screen, so the file's
 * scores are the panel's). Shown only to the project's owners and coordinators; outcomes are announced in a live
 * region.
 */
import { type RefObject, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_CHARS } from "../../../shared/schema/limits";
import type { MatchFilters, Weights } from "../../../shared/schema/match";
import type { ShortlistEntry } from "../../../shared/schema/shortlist";
import { MATCH_TERMS } from "../../../shared/schema/value-lists";
import { typedText } from "../../lib/typed-text";
import type { Lang } from "../../state/url-state";
import { formatWhen } from "../registration/format-when";
import "./partners.css";
import type { ShortlistActions } from "./use-shortlist";

interface Props {
  projectId: string;
  shortlist: ShortlistActions;
  lang: Lang;
  weights: Weights;
  geography: NonNullable<MatchFilters["geography"]>;
  onSelect: (key: string) => void;
}

/** The CSV's address, with the panel's weights and geography as the app's own URL spells them. */
export function shortlistCsvUrl(projectId: string, lang: Lang, weights: Weights, geography: string): string {
  const params = new URLSearchParams({ lang, w: MATCH_TERMS.map((term) => weights[term]).join(","), geo: geography });
  return `/api/shortlist/${encodeURIComponent(projectId)}.csv?${params}`;
}

export function ShortlistSection({ projectId, shortlist, lang, weights, geography, onSelect }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  // A removed entry takes its buttons with it: the focus goes to the heading instead of being lost.
  const heading = useRef<HTMLHeadingElement>(null);
  const entries = shortlist.list?.entries ?? [];
  return (
    <section className="shortlist" aria-labelledby={headingId} data-shortlist={projectId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t("partners.shortlist.heading")}
      </h3>
      <p className="shortlist-intro">{t("partners.shortlist.intro")}</p>
      <p className="shortlist-status" role="status">
        {shortlist.status}
      </p>
      {shortlist.failure && (
        <p className="field-error" role="alert">
          {shortlist.failure}
        </p>
      )}
      {shortlist.list && entries.length === 0 && <p>{t("partners.shortlist.empty")}</p>}
      {entries.length > 0 && (
        <>
          <ul className="shortlist-entries">
            {entries.map((entry) => (
              <ShortlistItem
                key={entry.organisationId}
                entry={entry}
                shortlist={shortlist}
                lang={lang}
                onSelect={onSelect}
                heading={heading}
              />
            ))}
          </ul>
          <p className="shortlist-foot">
            <span>{t("partners.shortlist.size", { saved: entries.length, max: shortlist.list?.max })}</span>
            <a className="btn" href={shortlistCsvUrl(projectId, lang, weights, geography)} download>
              {t("partners.shortlist.download")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function ShortlistItem({
  entry,
  shortlist,
  lang,
  onSelect,
  heading,
}: {
  entry: ShortlistEntry;
  shortlist: ShortlistActions;
  lang: Lang;
  onSelect: (key: string) => void;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const noteId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState(entry.note);
  const [saveError, setSaveError] = useState<string>();
  // Characters the box refused as they were typed or pasted: said at the note, so nothing vanishes unexplained.
  const [refused, setRefused] = useState<string>();
  const organisation = { id: entry.organisationId, name: entry.name };
  const changed = draft.trim() !== entry.note;
  // What the server refused on saving (named by errorText, e.g. a hidden character), else what the box removed.
  const noteError = saveError;
  const noteMessage = noteError ?? refused;
  const canSave = changed;
  return (
    <li className="shortlist-entry">
      <div className="shortlist-entry-head">
        {entry.gone ? (
          <span className="suggestion-name">
            {entry.name} <span className="shortlist-gone">({t("partners.shortlist.gone")})</span>
          </span>
        ) : (
          <button
            type="button"
            className="link-button suggestion-name"
            onClick={() => onSelect(`organisation:${entry.organisationId}`)}
          >
            {entry.name}
          </button>
        )}
        <span className="shortlist-added">
          {t("partners.shortlist.addedAt", { date: formatWhen(entry.addedAt, lang) })}
        </span>
      </div>
      <label htmlFor={noteId}>{t("partners.shortlist.note", { name: entry.name })}</label>
      <textarea
        id={noteId}
        className="shortlist-note"
        rows={2}
        maxLength={MAX_CHARS.shortlistNote}
        // dir="auto" and unicode-bidi: plaintext (partners.css) keep a pasted bidi override from flipping the box.
        dir="auto"
        value={draft}
        aria-invalid={noteError ? true : undefined}
        aria-describedby={noteMessage ? errorId : undefined}
        onChange={(e) => {
          // Invisible and bidi characters never enter the box: the server would refuse them anyway.
          const { text, removed } = typedText(e.target.value, t);
          setDraft(text);
          setSaveError(undefined);
          setRefused(removed);
        }}
      />
      {noteMessage && (
        <p id={errorId} className={noteError ? "field-error" : "field-note"}>
          {noteMessage}
        </p>
      )}
      <div className="shortlist-entry-actions">
        <button
          type="button"
          className="btn"
          // aria-disabled, not disabled: the button keeps the focus after saving, and says there is nothing to save.
          aria-disabled={!canSave}
          aria-label={t("partners.shortlist.saveNoteFor", { name: entry.name })}
          onClick={async () => {
            if (canSave) setSaveError(await shortlist.saveNote(organisation, draft.trim()));
          }}
        >
          {t("partners.shortlist.saveNote")}
        </button>
        <button
          type="button"
          className="btn"
          aria-label={t("partners.shortlist.removeFor", { name: entry.name })}
          onClick={async () => {
            await shortlist.remove(organisation);
            heading.current?.focus();
          }}
        >
          {t("partners.shortlist.remove")}
        </button>
      </div>
    </li>
  );
}
