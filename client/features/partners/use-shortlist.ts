/**
 * A project's shortlist for its owners and coordinators: the saved organisations (react-query), and saving,
 * removing and annotating them, each followed by a sentence for the live region ("Sparad i kortlistan: Vinnova").
 * Asked for only when the reader may see the list; the server checks again on every call.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Shortlist } from "../../../shared/schema/shortlist";
import { errorText } from "../../lib/error-text";
import { trpc } from "../../lib/trpc";

export interface ShortlistActions {
  list: Shortlist | undefined;
  isSaved: (organisationId: string) => boolean;
  toggle: (organisation: { id: string; name: string }) => Promise<void>;
  /** Resolves to the failure, in the reader's language, for the note's field to show (undefined when saved). */
  saveNote: (organisation: { id: string; name: string }, note: string) => Promise<string | undefined>;
  remove: (organisation: { id: string; name: string }) => Promise<void>;
  /** The last outcome, for the live region. */
  status: string;
  /** The last failure, shown as an alert. */
  failure: string | undefined;
  busy: boolean;
}

export const shortlistKey = (projectId: string) => ["shortlist", projectId] as const;

export function useShortlist(projectId: string, enabled: boolean): ShortlistActions {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const query = useQuery({
    queryKey: shortlistKey(projectId),
    queryFn: () => trpc.shortlist.list.query({ projectId }),
    enabled,
  });
  const saved = new Set(query.data?.entries.map((e) => e.organisationId));

  /** Runs one change; a failure shows at the top of the list, or is returned for its field when `atField`. */
  const run = async (work: () => Promise<unknown>, done: string, atField = false): Promise<string | undefined> => {
    // One change at a time; a second click meanwhile is ignored rather than sent twice.
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
      setStatus(done);
      return undefined;
    } catch (error) {
      setStatus("");
      if (atField) return errorText(error, t);
      setFailure(t("partners.shortlist.failed", { message: errorText(error, t) }));
      return undefined;
    } finally {
      await queryClient.invalidateQueries({ queryKey: shortlistKey(projectId) });
      setBusy(false);
    }
  };
  const remove: ShortlistActions["remove"] = async ({ id, name }) => {
    await run(
      () => trpc.shortlist.remove.mutate({ projectId, organisationId: id }),
      t("partners.shortlist.removed", { name }),
    );
  };

  return {
    list: query.data,
    isSaved: (id) => saved.has(id),
    toggle: async (organisation) => {
      if (saved.has(organisation.id)) return remove(organisation);
      await run(
        () => trpc.shortlist.add.mutate({ projectId, organisationId: organisation.id }),
        t("partners.shortlist.saved", { name: organisation.name }),
      );
    },
    saveNote: ({ id, name }, note) =>
      run(
        () => trpc.shortlist.update.mutate({ projectId, organisationId: id, note }),
        t("partners.shortlist.noteSaved", { name }),
        true,
      ),
    remove,
    status,
    failure,
    busy,
  };
}
