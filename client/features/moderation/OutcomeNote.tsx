/** The announced result of a moderation action, with "Visa i kartan" when it put something on the map. */
import { useTranslation } from "react-i18next";

export interface Outcome {
  text: string;
  /** Node key to show in the map, when there is one. */
  show?: string;
}

export function OutcomeNote({ id, outcome, onShow }: { id: string; outcome?: Outcome; onShow: (key: string) => void }) {
  const { t } = useTranslation();
  return (
    <div id={id} role="status" tabIndex={-1} className="saved-note">
      {outcome && (
        <>
          <span>{outcome.text}</span>{" "}
          {outcome.show && (
            <button type="button" className="link-button" onClick={() => onShow(outcome.show as string)}>
              {t("registration.showInMap")}
            </button>
          )}
        </>
      )}
    </div>
  );
}
