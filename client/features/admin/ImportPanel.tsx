/**
 * "Importera data": administrators preview and import CSV or JSON files (the formats of `npm run import`). The preview
 * is a dry run on the server; "Importera" writes everything in one transaction or, on any error, nothing.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportResult } from "../../../shared/schema/account";
import { trpc } from "../../lib/trpc";
import { apiErrorOf } from "../account/api-error";
import { refreshAfterWrite } from "../account/refresh-after-write";

type Loaded = { name: string; text: string }[];

export function ImportPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [files, setFiles] = useState<Loaded>([]);
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const choose = async (list: FileList | null) => {
    setResult(undefined);
    setError(undefined);
    setFiles(await Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, text: await f.text() }))));
  };
  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await trpc.admin.import.mutate({ files, dryRun });
      setResult(outcome);
      if (outcome.written) await refreshAfterWrite(queryClient);
    } catch (e) {
      setResult(undefined);
      setError(apiErrorOf(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="import-panel" aria-labelledby="import-title">
      <h3 id="import-title">{t("admin.import.title")}</h3>
      <p>{t("admin.import.intro")}</p>
      <div className="form-field">
        <label htmlFor={inputId}>{t("admin.import.files")}</label>
        <input id={inputId} type="file" accept=".csv,.json" multiple onChange={(e) => choose(e.target.files)} />
      </div>
      <div className="form-actions">
        <button type="button" disabled={files.length === 0 || busy} onClick={() => run(true)}>
          {t("admin.import.preview")}
        </button>
        <button
          type="button"
          disabled={files.length === 0 || busy || !result || result.written}
          onClick={() => run(false)}
        >
          {t("admin.import.write")}
        </button>
      </div>
      <div role="status" className="saved-note">
        {result &&
          (result.written
            ? t("admin.import.written", { version: result.dataVersion })
            : t("admin.import.previewed", result.counts))}
      </div>
      {result && result.preview.length > 0 && <pre className="import-preview">{result.preview.join("\n")}</pre>}
      {error && (
        <div role="alert" className="form-error">
          <p>{t("admin.import.failed")}</p>
          <pre className="import-preview">
            {error.replace(/^Invalid input: field "files": (import refused \([^)]*\):\s*)?/, "")}
          </pre>
        </div>
      )}
    </section>
  );
}
