/** One entry of the history: who did what and when, the changed fields before → after, and (for coordinators) restore. */
import { useTranslation } from "react-i18next";
import type { Change } from "../../../shared/schema/editable";
import type { Lang } from "../../state/url-state";
import { actorName } from "../account/actor-name";
import { fieldLabel, type NodeName } from "../registration/field-format";
import { formatWhen } from "../registration/format-when";
import { changeNote } from "./change-note";
import { DiffValue } from "./DiffValue";
import { recordDiff } from "./record-diff";

interface Props {
  change: Change;
  lang: Lang;
  name: NodeName;
  /** Shown when the viewer may restore and the change left a version to restore. */
  onRestore?: (change: Change) => void;
  current: boolean;
  /** The date of another change in this list, for notes that name one. */
  whenOfChange: (id: number) => string | undefined;
}

export function ChangeEntry({ change, lang, name, onRestore, current, whenOfChange }: Props) {
  const { t } = useTranslation();
  const diff = recordDiff(change.before, change.after);
  const when = formatWhen(change.at, lang);
  return (
    <li className="change">
      <p className="change-head">
        <strong>{t(`history.action.${change.action}`)}</strong>{" "}
        {t("history.by", { when, who: actorName(change.actor, t) })}
        {current && <span className="status-badge status-approved">{t("history.current")}</span>}
      </p>
      {change.note && <p className="change-note">{changeNote(change.note, t, whenOfChange)}</p>}
      {diff.length === 0 ? (
        <p className="field-hint">{t("history.noFieldChanges")}</p>
      ) : (
        <table className="data-table diff-table">
          <caption className="visually-hidden">
            {t("history.diffCaption")}: {t(`history.action.${change.action}`)} {when}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("history.field")}</th>
              <th scope="col">{t("history.before")}</th>
              <th scope="col">{t("history.after")}</th>
            </tr>
          </thead>
          <tbody>
            {diff.map((d) => (
              <tr key={d.field}>
                <th scope="row">{fieldLabel(d.field, t)}</th>
                <td className="diff-before">
                  <DiffValue field={d.field} value={d.before} other={d.after} side="before" name={name} />
                </td>
                <td className="diff-after">
                  <DiffValue field={d.field} value={d.after} other={d.before} side="after" name={name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {onRestore && change.after && !current && (
        <button type="button" className="btn" onClick={() => onRestore(change)}>
          {t("history.restore")}
          <span className="visually-hidden"> ({when})</span>
        </button>
      )}
    </li>
  );
}
