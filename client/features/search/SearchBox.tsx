/**
 * Typeahead search as an ARIA combobox: arrows move, Enter picks, Escape closes; picking selects and centres the node
 * and moves the focus to the details heading. Only hits for the text in the box are shown or picked.
 */
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { KIND_STYLES } from "../../graph-view/kind-style";
import { errorText } from "../../lib/error-text";
import type { Lang } from "../../state/url-state";
import { requestDetailsFocus } from "../details/focus-request";
import { useSearch } from "./use-search";

interface Props {
  lang: Lang;
  onPick: (key: string) => void;
}

export function SearchBox({ lang, onPick }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  /** The highlighted option; -1 until the arrows move (Enter then takes the best hit). */
  const [active, setActive] = useState(-1);
  const { hits, settled, isError, error } = useSearch(text);
  const showList = open && text.trim().length > 0;

  const pick = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    requestDetailsFocus(hit.node.key);
    onPick(hit.node.key);
    setText(hit.node.label[lang]);
    setOpen(false);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      // An empty box, or a query whose hits have not arrived yet, has nothing to pick.
      if (text.trim() !== "") pick(Math.max(active, 0));
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  return (
    <div className="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${id}-opt-${active}` : undefined}
        placeholder={t("search.placeholder")}
        autoComplete="off"
        maxLength={MAX_CHARS.searchQuery}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      <div
        id={`${id}-list`}
        role="listbox"
        className="search-results"
        hidden={!showList}
        aria-label={t("search.label")}
      >
        {hits.map((hit, index) => (
          // Keyboard use goes through the combobox input (aria-activedescendant); clicks are the pointer path.
          // biome-ignore lint/a11y/useKeyWithClickEvents: the input above handles arrows and Enter for these options
          <div
            key={hit.node.key}
            tabIndex={-1}
            id={`${id}-opt-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? "active" : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(index)}
            onMouseEnter={() => setActive(index)}
          >
            <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
              <path d={KIND_STYLES[hit.node.kind].svgPath} fill={KIND_STYLES[hit.node.kind].color} />
            </svg>
            <span className="search-name">{hit.node.label[lang]}</span>
            <span className="search-kind">{t(`kind.${hit.node.kind}`)}</span>
          </div>
        ))}
      </div>
      <div className="visually-hidden" aria-live="polite">
        {showList &&
          (isError
            ? t("search.error", { message: errorText(error, t) })
            : !settled
              ? ""
              : hits.length === 0
                ? t("search.noResults", { q: text.trim() })
                : t("search.resultCount", { count: hits.length }))}
      </div>
      {showList && settled && hits.length === 0 && (
        <p className="search-empty">{t("search.noResults", { q: text.trim() })}</p>
      )}
      {showList && isError && (
        <p className="search-empty" role="alert">
          {t("search.error", { message: errorText(error, t) })}
        </p>
      )}
    </div>
  );
}
