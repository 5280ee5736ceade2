/**
 * The account control in the header. Signed out: "Logga in" and "Skapa konto". Signed in: a disclosure with the
 * name and role, the pages the role may open (register, my submissions, review, accounts) and "Logga ut". On a narrow
 * screen all of these sit behind one "Meny" disclosure (Escape closes it and returns the focus to its button).
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FocusEvent, type KeyboardEvent, lazy, Suspense, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasRole } from "../../../shared/schema/value-lists";
import { trpc } from "../../lib/trpc";
import { useNarrow } from "../../lib/use-narrow";
import type { AuthMode } from "./AuthDialog";
import { ME_KEY, useMe } from "./use-me";
import type { WorkspacePage } from "./workspace-page";

/** The sign-in dialog loads when first opened. */
const AuthDialog = lazy(() => import("./AuthDialog").then((m) => ({ default: m.AuthDialog })));

interface Props {
  onOpen: (page: WorkspacePage | undefined) => void;
}

export function AccountMenu({ onOpen }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [dialog, setDialog] = useState<AuthMode>();
  const [open, setOpen] = useState(false);
  /** Where to go once signed in, when a signed-out visitor chose "register" first. */
  const [afterSignIn, setAfterSignIn] = useState<WorkspacePage>();
  const [announcement, setAnnouncement] = useState("");
  const button = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const panelId = useId();
  const narrow = useNarrow();

  const openDialog = (mode: AuthMode) => {
    opener.current = document.activeElement as HTMLElement | null;
    setDialog(mode);
  };
  const closeDialog = () => {
    setDialog(undefined);
    setAfterSignIn(undefined);
    // Focus returns to the control that opened the dialog, or to the account button once signed in.
    setTimeout(() => (button.current ?? opener.current)?.focus(), 0);
  };
  const go = (page: WorkspacePage) => {
    setOpen(false);
    onOpen(page);
  };
  const signOut = async () => {
    setOpen(false);
    await trpc.auth.logout.mutate();
    queryClient.setQueryData(ME_KEY, null);
    queryClient.removeQueries({ queryKey: ["submission"] });
    queryClient.removeQueries({ queryKey: ["admin"] });
    onOpen(undefined);
    setAnnouncement(t("account.signedOut"));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  };

  /** The pages this visitor may open, as menu entries (signed in) or the signed-out visitor's three actions. */
  const entries: { label: string; onClick: () => void; last?: boolean }[] = me
    ? [
        { label: t("account.registerProject"), onClick: () => go({ page: "register", kind: "project" }) },
        { label: t("account.registerOrganisation"), onClick: () => go({ page: "register", kind: "organisation" }) },
        { label: t("account.mine"), onClick: () => go({ page: "mine" }) },
        { label: t("contact.menu"), onClick: () => go({ page: "contacts" }) },
        ...(hasRole(me.role, "coordinator")
          ? [{ label: t("account.review"), onClick: () => go({ page: "review" }) }]
          : []),
        ...(hasRole(me.role, "administrator")
          ? [
              { label: t("account.accounts"), onClick: () => go({ page: "accounts" }) },
              { label: t("mailAccount.outbox.menu"), onClick: () => go({ page: "outbox" }) },
            ]
          : []),
        { label: t("mailAccount.settings.menu"), onClick: () => go({ page: "settings" }) },
        { label: t("account.signOut"), onClick: signOut, last: true },
      ]
    : [
        {
          label: t("account.registerProject"),
          onClick: () => {
            setOpen(false);
            setAfterSignIn({ page: "register", kind: "project" });
            openDialog("signUp");
          },
        },
        {
          label: t("account.signIn"),
          onClick: () => {
            setOpen(false);
            openDialog("signIn");
          },
        },
        {
          label: t("account.signUp"),
          onClick: () => {
            setOpen(false);
            openDialog("signUp");
          },
        },
      ];
  const panel = (
    <div id={panelId} className="account-panel" hidden={!open}>
      {narrow && me && (
        <p className="account-who">
          {t("account.signedInAs", { name: me.displayName, role: t(`account.role.${me.role}`) })}
        </p>
      )}
      <ul>
        {entries.map((entry) => (
          <li key={entry.label} className={entry.last ? "account-signout" : undefined}>
            <button type="button" className="menu-item" onClick={entry.onClick}>
              {entry.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );

  return (
    <div className="account-menu">
      {narrow ? (
        // On a narrow screen every account action sits behind one disclosure, so the header keeps the search box.
        // biome-ignore lint/a11y/noStaticElementInteractions: the container only listens for Escape and focus leaving; its buttons are the controls
        <div className="account-disclosure" onKeyDown={onKeyDown} onBlur={onBlur}>
          <button
            ref={button}
            type="button"
            className="header-button menu-button"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((was) => !was)}
          >
            <span aria-hidden="true">☰ </span>
            {t("shell.menu")}
          </button>
          {panel}
        </div>
      ) : (
        <>
          {me && (
            <button type="button" className="header-button" onClick={() => go({ page: "register", kind: "project" })}>
              {t("account.registerProject")}
            </button>
          )}
          {me ? (
            // biome-ignore lint/a11y/noStaticElementInteractions: the container only listens for Escape and focus leaving; its buttons are the controls
            <div className="account-disclosure" onKeyDown={onKeyDown} onBlur={onBlur}>
              <button
                ref={button}
                type="button"
                className="account-button"
                aria-expanded={open}
                aria-controls={panelId}
                onClick={() => setOpen((was) => !was)}
              >
                <span className="account-name">{me.displayName}</span>
                <span className="account-role">{t(`account.roleTitle.${me.role}`)}</span>
              </button>
              {panel}
            </div>
          ) : (
            entries.map((entry) => (
              <button key={entry.label} type="button" className="header-button" onClick={entry.onClick}>
                {entry.label}
              </button>
            ))
          )}
        </>
      )}
      {dialog && (
        <Suspense fallback={null}>
          <AuthDialog
            mode={dialog}
            purpose={afterSignIn?.page === "register" ? "register" : undefined}
            onMode={setDialog}
            onClose={closeDialog}
            onSignedIn={(signedIn) => {
              setAnnouncement(
                t("account.signedInAs", { name: signedIn.displayName, role: t(`account.role.${signedIn.role}`) }),
              );
              setDialog(undefined);
              if (afterSignIn) {
                setAfterSignIn(undefined);
                onOpen(afterSignIn);
              } else setTimeout(() => button.current?.focus(), 0);
            }}
          />
        </Suspense>
      )}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
