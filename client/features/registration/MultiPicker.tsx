/**
 * A searchable multi-select: the chosen values as a list with remove buttons, and an ARIA combobox whose listbox
 * offers the rest. Arrows move, Enter adds or removes the highlighted option (never submits the form), Escape closes.
 */
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldError } from "./FieldError";
import { foldText, type PickerOption } from "./picker-options";

interface Props {
  /** The combobox's element id (the form focuses it when the field is invalid). */
  id: string;
  legend: string;
  options: PickerOption[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

const MAX_SHOWN = 40;

export function MultiPicker({ id, legend, options, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const labelOf = useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  const shown = useMemo(() => {
    const q = foldText(text.trim());
    return options.filter((o) => q === "" || foldText(o.label).includes(q)).slice(0, MAX_SHOWN);
  }, [options, text]);

  const toggle = (option: PickerOption) => {
    const chosen = value.includes(option.value);
    onChange(chosen ? value.filter((v) => v !== option.value) : [...value, option.value]);
    setAnnouncement(t(chosen ? "registration.picker.removed" : "registration.picker.added", { name: option.label }));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = open ? shown[active] : undefined;
      if (option) toggle(option);
      else setOpen(true);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };
  const errorId = `${id}-error`;
  const showList = open && shown.length > 0;
  // An opening list below the fold is scrolled into view, so keyboard users see the suggestions they are moving through.
  useEffect(() => {
    if (showList) document.getElementById(listId)?.scrollIntoView({ block: "nearest" });
  }, [showList, listId]);

  return (
    <fieldset className={`picker${error ? " has-error" : ""}`}>
      <legend>{legend}</legend>
      {value.length === 0 ? (
        <p className="field-hint">{t("registration.picker.none")}</p>
      ) : (
        <ul className="chips" aria-label={t("registration.picker.chosen", { field: legend })}>
          {value.map((v) => (
            <li key={v}>
              <span>{labelOf.get(v) ?? v}</span>
              <button
                type="button"
                aria-label={t("registration.picker.remove", { name: labelOf.get(v) ?? v })}
                onClick={() => toggle({ value: v, label: labelOf.get(v) ?? v })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="picker-box">
        <label htmlFor={id}>{t("registration.picker.search", { field: legend })}</label>
        <input
          id={id}
          className="picker-input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && shown[active] ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        <div
          id={listId}
          role="listbox"
          aria-multiselectable="true"
          aria-label={legend}
          className="picker-list"
          hidden={!showList}
        >
          {shown.map((option, index) => {
            const selected = value.includes(option.value);
            return (
              // Keyboard use goes through the combobox (aria-activedescendant); clicks are the pointer path.
              // biome-ignore lint/a11y/useKeyWithClickEvents: the input above handles arrows and Enter for these options
              <div
                key={option.value}
                id={`${listId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={selected}
                className={index === active ? "active" : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => toggle(option)}
              >
                <span className="picker-check" aria-hidden="true">
                  {selected ? "✓" : ""}
                </span>
                {option.label}
                {selected && <span className="visually-hidden"> ({t("registration.picker.selected")})</span>}
              </div>
            );
          })}
        </div>
        {open && text.trim() !== "" && shown.length === 0 && (
          <p className="field-hint">{t("registration.picker.noMatch")}</p>
        )}
      </div>
      <FieldError id={errorId} message={error} />
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </fieldset>
  );
}
