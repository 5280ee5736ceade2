/**
 * The account control in the header. Signed out: "Logga in" and "Skapa konto". Signed in: a disclosure with the
 * name and role, the pages the role may open (register, my submissions, review, accounts) and "Logga ut".
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FocusEvent, type KeyboardEvent, lazy, Suspense, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasRole } from "../../../shared/schema/account";
import { trpc } from "../../lib/trpc";
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

  return (
    <div className="account-menu">
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
          <div id={panelId} className="account-panel" hidden={!open}>
            <ul>
              <li>
                <button type="button" className="menu-item" onClick={() => go({ page: "register", kind: "project" })}>
                  {t("account.registerProject")}
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className="menu-item"
                  onClick={() => go({ page: "register", kind: "organisation" })}
                >
                  {t("account.registerOrganisation")}
                </button>
              </li>
              <li>
                <button type="button" className="menu-item" onClick={() => go({ page: "mine" })}>
                  {t("account.mine")}
                </button>
              </li>
              {hasRole(me.role, "coordinator") && (
                <li>
                  <button type="button" className="menu-item" onClick={() => go({ page: "review" })}>
                    {t("account.review")}
                  </button>
                </li>
              )}
              {hasRole(me.role, "administrator") && (
                <li>
                  <button type="button" className="menu-item" onClick={() => go({ page: "accounts" })}>
                    {t("account.accounts")}
                  </button>
                </li>
              )}
              <li className="account-signout">
                <button type="button" className="menu-item" onClick={signOut}>
                  {t("account.signOut")}
                </button>
              </li>
            </ul>
          </div>
        </div>
      ) : (
        <>
          <button
            type="button"
            className="header-button"
            onClick={() => {
              setAfterSignIn({ page: "register", kind: "project" });
              openDialog("signUp");
            }}
          >
            {t("account.registerProject")}
          </button>
          <button type="button" className="header-button" onClick={() => openDialog("signIn")}>
            {t("account.signIn")}
          </button>
          <button type="button" className="header-button" onClick={() => openDialog("signUp")}>
            {t("account.signUp")}
          </button>
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
