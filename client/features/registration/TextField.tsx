/** A labelled text input or text area, with its hint and its error tied to it by aria-describedby. */
import { FieldError } from "./FieldError";

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  type?: "text" | "url" | "email" | "password";
  inputMode?: "numeric";
  autoComplete?: string;
  className?: string;
  /** From shared/schema/limits.ts, the same bound the server checks. */
  maxLength?: number;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  multiline,
  rows,
  className,
  maxLength,
  ...rest
}: Props) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    value,
    maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-required": required ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div className={`form-field${error ? " has-error" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={rows ?? 3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={rest.type ?? "text"}
          inputMode={rest.inputMode}
          autoComplete={rest.autoComplete}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
