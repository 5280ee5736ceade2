/** The list of a form's errors above it, announced when it appears; each links to its field. */
import { useTranslation } from "react-i18next";

interface Props {
  id: string;
  /** Field name → message, in the order the fields appear. */
  errors: [field: string, message: string][];
  /** The element id of a field. */
  idOf: (field: string) => string;
  labelOf: (field: string) => string;
}

export function ErrorSummary({ id, errors, idOf, labelOf }: Props) {
  const { t } = useTranslation();
  return (
    <div id={id} className="error-summary" role="alert" tabIndex={-1}>
      {errors.length > 0 && (
        <>
          <p>{t("registration.errorSummary", { count: errors.length })}</p>
          <ul>
            {errors.map(([field, message]) => (
              <li key={field}>
                <a
                  href={`#${idOf(field)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(idOf(field))?.focus();
                  }}
                >
                  {labelOf(field)}: {message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
