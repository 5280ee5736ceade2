/**
 * "Kontoinställningar / Account settings": change password, change e-mail address, mail language and (coordinators)
 * the daily review mail, download my data, delete my account. Each part is its own form with its own status line.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmailSchema, hasRole, type Language, type Me, PasswordSchema } from "../../../shared/schema/account";
import { findForbiddenCharacter } from "../../../shared/schema/forbidden-characters";
import { MAX_CHARS } from "../../../shared/schema/limits";
import { errorText, forbiddenText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";
import { TextField } from "../registration/TextField";
import { apiErrorOf } from "./api-error";
import { ME_KEY } from "./use-me";

type Status = { ok: boolean; text: string } | undefined;

function StatusLine({ status }: { status: Status }) {
  return (
    <div role="status" className="account-status">
      {status && <p className={status.ok ? "account-ok" : "field-error"}>{status.text}</p>}
    </div>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="account-part">
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export function AccountSettings({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [values, setValues] = useState({ current: "", next: "", emailPassword: "", newEmail: "", deletePassword: "" });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values | "confirm", string>>>({});
  const [status, setStatus] = useState<Record<string, Status>>({});
  const [language, setLanguage] = useState<Language>(me.language);
  const [digest, setDigest] = useState(me.digest);
  const [confirmed, setConfirmed] = useState(false);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  /** Runs one part's call: field errors from the browser's check first, then the server's answer in words. */
  const run = async (
    part: string,
    found: typeof errors,
    call: () => Promise<string>,
    wrongPasswordField?: keyof typeof values,
  ) => {
    setErrors(found);
    // A new attempt clears this part's last answer, so an old success never stands beside a new error.
    setStatus((s) => ({ ...s, [part]: undefined }));
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    try {
      const text = await call();
      setStatus((s) => ({ ...s, [part]: { ok: true, text } }));
    } catch (error) {
      const { status: code, message } = apiErrorOf(error);
      if (code === 400 && wrongPasswordField && /not your current password/.test(message)) {
        setErrors({ [wrongPasswordField]: t("mailAccount.settings.wrongPassword") });
        document.getElementById(`${id}-${wrongPasswordField}`)?.focus();
      } else if (code === 409 && part === "delete") {
        setStatus((s) => ({ ...s, [part]: { ok: false, text: t("mailAccount.settings.lastAdmin") } }));
      } else {
        setStatus((s) => ({
          ...s,
          [part]: { ok: false, text: t("mailAccount.settings.failed", { message: errorText(error, t) }) },
        }));
      }
    }
  };

  const changePassword = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!values.current) found.current = t("mailAccount.settings.required");
    if (!PasswordSchema.safeParse(values.next).success) found.next = t("mailAccount.settings.passwordShort");
    void run(
      "password",
      found,
      async () => {
        await trpc.account.changePassword.mutate({ currentPassword: values.current, newPassword: values.next });
        setValues((v) => ({ ...v, current: "", next: "" }));
        return t("mailAccount.settings.passwordChanged");
      },
      "current",
    );
  };

  const changeEmail = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    const email = EmailSchema.safeParse(values.newEmail);
    // A hidden character (a pasted U+200B) is named by code point and position, as in every other field.
    const hidden = findForbiddenCharacter(values.newEmail);
    if (hidden) found.newEmail = forbiddenText(hidden, t);
    else if (!email.success) found.newEmail = t("mailAccount.settings.emailInvalid");
    else if (email.data === me.email) found.newEmail = t("mailAccount.settings.sameEmail");
    if (!values.emailPassword) found.emailPassword = t("mailAccount.settings.required");
    void run(
      "email",
      found,
      async () => {
        const newEmail = EmailSchema.parse(values.newEmail);
        await trpc.account.requestEmailChange.mutate({ password: values.emailPassword, newEmail });
        setValues((v) => ({ ...v, emailPassword: "", newEmail: "" }));
        return t("mailAccount.settings.emailSent", { email: newEmail });
      },
      "emailPassword",
    );
  };

  const saveMail = (event: FormEvent) => {
    event.preventDefault();
    void run("mail", {}, async () => {
      const updated = await trpc.account.updateSettings.mutate({ language, digest });
      queryClient.setQueryData(ME_KEY, updated);
      return t("mailAccount.settings.mailSaved");
    });
  };

  const download = async () => {
    const data = await trpc.account.exportData.query();
    const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `partnerkartan-account-${data.account.id}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  const deleteAccount = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!values.deletePassword) found.deletePassword = t("mailAccount.settings.required");
    if (!confirmed) found.confirm = t("mailAccount.settings.confirmFirst");
    void run(
      "delete",
      found,
      async () => {
        await trpc.account.delete.mutate({ password: values.deletePassword });
        queryClient.setQueryData(ME_KEY, null);
        onSignedOut();
        return t("mailAccount.settings.deleted");
      },
      "deletePassword",
    );
  };

  return (
    <section aria-labelledby="workspace-title" className="account-settings">
      <h2 id="workspace-title" tabIndex={-1}>
        {t("mailAccount.settings.title")}
      </h2>

      <Part id={`${id}-pw-title`} title={t("mailAccount.settings.passwordTitle")}>
        <form noValidate onSubmit={changePassword} className="account-form">
          <TextField
            id={`${id}-current`}
            label={t("mailAccount.settings.current")}
            type="password"
            value={values.current}
            onChange={set("current")}
            error={errors.current}
            maxLength={MAX_CHARS.password}
            autoComplete="current-password"
            required
          />
          <TextField
            id={`${id}-next`}
            label={t("mailAccount.settings.newPassword")}
            hint={t("mailAccount.reset.hint")}
            type="password"
            value={values.next}
            onChange={set("next")}
            error={errors.next}
            maxLength={MAX_CHARS.password}
            autoComplete="new-password"
            required
          />
          <div className="form-actions">
            <button type="submit" className="btn primary">
              {t("mailAccount.settings.savePassword")}
            </button>
          </div>
          <StatusLine status={status.password} />
        </form>
      </Part>

      <Part id={`${id}-email-title`} title={t("mailAccount.settings.emailTitle")}>
        <form noValidate onSubmit={changeEmail} className="account-form">
          <p>{t("mailAccount.settings.currentEmail", { email: me.email })}</p>
          <TextField
            id={`${id}-newEmail`}
            label={t("mailAccount.settings.newEmail")}
            type="email"
            value={values.newEmail}
            onChange={set("newEmail")}
            error={errors.newEmail}
            maxLength={MAX_CHARS.email}
            autoComplete="email"
            required
          />
          <TextField
            id={`${id}-emailPassword`}
            label={t("mailAccount.settings.password")}
            type="password"
            value={values.emailPassword}
            onChange={set("emailPassword")}
            error={errors.emailPassword}
            maxLength={MAX_CHARS.password}
            autoComplete="current-password"
            required
          />
          <div className="form-actions">
            <button type="submit" className="btn primary">
              {t("mailAccount.settings.saveEmail")}
            </button>
          </div>
          <StatusLine status={status.email} />
        </form>
      </Part>

      <Part id={`${id}-mail-title`} title={t("mailAccount.settings.mailTitle")}>
        <form noValidate onSubmit={saveMail} className="account-form">
          <p className="field">
            <label htmlFor={`${id}-language`}>{t("mailAccount.settings.language")}</label>
            <select
              id={`${id}-language`}
              value={language}
              onChange={(event) => setLanguage(event.target.value as Language)}
            >
              <option value="sv">{t("lang.sv")}</option>
              <option value="en">{t("lang.en")}</option>
            </select>
          </p>
          {hasRole(me.role, "coordinator") && (
            <p className="field checkbox-field">
              <input
                id={`${id}-digest`}
                type="checkbox"
                checked={digest}
                onChange={(event) => setDigest(event.target.checked)}
              />
              <label htmlFor={`${id}-digest`}>{t("mailAccount.settings.digest")}</label>
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="btn primary">
              {t("mailAccount.settings.saveMail")}
            </button>
          </div>
          <StatusLine status={status.mail} />
        </form>
      </Part>

      <Part id={`${id}-data-title`} title={t("mailAccount.settings.dataTitle")}>
        <p>{t("mailAccount.settings.dataIntro")}</p>
        <p>
          <button type="button" className="btn" onClick={() => void download()}>
            {t("mailAccount.settings.download")}
          </button>
        </p>
      </Part>

      <Part id={`${id}-delete-title`} title={t("mailAccount.settings.deleteTitle")}>
        <form noValidate onSubmit={deleteAccount} className="account-form">
          <p>{t("mailAccount.settings.deleteIntro")}</p>
          <TextField
            id={`${id}-deletePassword`}
            label={t("mailAccount.settings.password")}
            type="password"
            value={values.deletePassword}
            onChange={set("deletePassword")}
            error={errors.deletePassword}
            maxLength={MAX_CHARS.password}
            autoComplete="current-password"
            required
          />
          <p className="field checkbox-field">
            <input
              id={`${id}-confirm`}
              type="checkbox"
              checked={confirmed}
              aria-invalid={errors.confirm ? true : undefined}
              aria-describedby={errors.confirm ? `${id}-confirm-error` : undefined}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
            <label htmlFor={`${id}-confirm`}>{t("mailAccount.settings.deleteConfirm")}</label>
          </p>
          {errors.confirm && (
            <p id={`${id}-confirm-error`} className="field-error">
              {errors.confirm}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="btn danger">
              {t("mailAccount.settings.delete")}
            </button>
          </div>
          <StatusLine status={status.delete} />
        </form>
      </Part>
    </section>
  );
}
