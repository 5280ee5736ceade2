/**
 * One side of a changed field: for lists, only the items removed (before) or added (after) are marked, so the change
 * stands out; marks carry words for screen readers, and strike-through or underline besides colour.
 */
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { fieldText, type NodeName } from "../registration/field-format";

interface Props {
  field: string;
  value: unknown;
  /** The other side, to tell which list items changed. */
  other: unknown;
  side: "before" | "after";
  name: NodeName;
}

export function DiffValue({ field, value, other, side, name }: Props) {
  const { t } = useTranslation();
  const Mark = side === "before" ? "del" : "ins";
  const hint = <span className="visually-hidden">{t(side === "before" ? "history.removed" : "history.added")} </span>;
  if (Array.isArray(value) && value.length > 0) {
    const kept = new Set(Array.isArray(other) ? other.map(String) : []);
    return (
      <>
        {value.map((item, i) => (
          <Fragment key={String(item)}>
            {i > 0 && ", "}
            {kept.has(String(item)) ? (
              fieldText(field, [item], t, name)
            ) : (
              <Mark>
                {hint}
                {fieldText(field, [item], t, name)}
              </Mark>
            )}
          </Fragment>
        ))}
      </>
    );
  }
  const text = fieldText(field, value, t, name);
  if (value === undefined || value === null || Array.isArray(value)) return <>{text}</>;
  return (
    <Mark>
      {hint}
      {text}
    </Mark>
  );
}
