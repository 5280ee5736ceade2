/**
 * Every message the app sends, in Swedish and English. A template gets its facts (names, links) and returns the subject
 * and paragraphs; render-mail.ts makes text and HTML of them. Links carrying a secret are marked so the log never
 * shows them (the log shows only the template's name anyway).
 */
import type { Language } from "../../shared/schema/account";
import { type ContactMail, contactContent } from "./contact-templates";
import type { MailContent } from "./render-mail";

export type MailMessage =
  | { template: "verify-email"; link: string }
  | { template: "sign-up-existing"; resetLink: string }
  | { template: "reset-password"; link: string }
  | { template: "password-changed" }
  | { template: "confirm-new-email"; link: string }
  | { template: "email-changing"; newAddress: string }
  | { template: "account-removed" }
  | { template: "submission-approved"; name: string; link: string }
  | { template: "submission-rejected"; name: string; reason: string; link: string }
  | { template: "profile-edited"; name: string; editor: string; historyLink: string }
  | { template: "review-digest"; waiting: number; link: string; settingsLink: string }
  | ContactMail;

export type MailTemplate = MailMessage["template"];

const SIGNATURE: Record<Language, string> = {
  sv: "Hälsningar\nPartnerkartan, Civic Tech Sweden",
  en: "Best regards\nPartnerkartan, Civic Tech Sweden",
};

function content(message: MailMessage, language: Language): MailContent {
  const sv = language === "sv";
  switch (message.template) {
    case "verify-email":
      return {
        subject: sv ? "Bekräfta din e-postadress" : "Confirm your e-mail address",
        paragraphs: [
          sv
            ? "Välkommen till Partnerkartan! Bekräfta att adressen är din, så kan du logga in."
            : "Welcome to Partnerkartan! Confirm that this address is yours, and you can sign in.",
          { link: message.link, label: sv ? "Bekräfta e-postadressen" : "Confirm the e-mail address" },
          sv
            ? "Länken gäller i 24 timmar och kan användas en gång. Har du inte skapat något konto kan du strunta i det här brevet."
            : "The link works for 24 hours, once. If you did not create an account, ignore this message.",
        ],
      };
    case "sign-up-existing":
      return {
        subject: sv ? "Någon försökte skapa ett konto med din adress" : "Someone tried to sign up with your address",
        paragraphs: [
          sv
            ? "Någon försökte just skapa ett konto på Partnerkartan med den här e-postadressen, men det finns redan ett konto med den. Inget har ändrats."
            : "Someone just tried to create a Partnerkartan account with this e-mail address, but it already has one. Nothing has changed.",
          sv
            ? "Var det du och har du glömt lösenordet? Välj ett nytt här:"
            : "Was it you, and have you forgotten your password? Choose a new one here:",
          { link: message.resetLink, label: sv ? "Välj ett nytt lösenord" : "Choose a new password" },
          sv ? "Var det inte du behöver du inte göra något." : "If it was not you, you need not do anything.",
        ],
      };
    case "reset-password":
      return {
        subject: sv ? "Välj ett nytt lösenord" : "Choose a new password",
        paragraphs: [
          sv
            ? "Någon (förhoppningsvis du) bad om ett nytt lösenord till ditt konto på Partnerkartan."
            : "Someone (hopefully you) asked for a new password for your Partnerkartan account.",
          { link: message.link, label: sv ? "Välj ett nytt lösenord" : "Choose a new password" },
          sv
            ? "Länken gäller i en timme och kan användas en gång. När du byter lösenord loggas alla dina inloggningar ut. Bad du inte om det här kan du strunta i brevet."
            : "The link works for one hour, once. Changing the password signs you out everywhere. If you did not ask for this, ignore this message.",
        ],
      };
    case "password-changed":
      return {
        subject: sv ? "Ditt lösenord är bytt" : "Your password was changed",
        paragraphs: [
          sv
            ? "Lösenordet till ditt konto på Partnerkartan har just bytts. Var det inte du? Välj ett nytt med ”Glömt lösenordet?” när du loggar in, och kontakta Civic Tech Sweden."
            : "The password of your Partnerkartan account was just changed. Was it not you? Choose a new one with “Forgot password?” when signing in, and contact Civic Tech Sweden.",
        ],
      };
    case "confirm-new-email":
      return {
        subject: sv ? "Bekräfta din nya e-postadress" : "Confirm your new e-mail address",
        paragraphs: [
          sv
            ? "Du vill byta e-postadress för ditt konto på Partnerkartan till den här. Bekräfta att adressen är din:"
            : "You asked to move your Partnerkartan account to this e-mail address. Confirm that it is yours:",
          { link: message.link, label: sv ? "Bekräfta den nya adressen" : "Confirm the new address" },
          sv
            ? "Länken gäller i 24 timmar och kan användas en gång. Tills du bekräftat gäller den gamla adressen."
            : "The link works for 24 hours, once. Until you confirm, the old address stays.",
        ],
      };
    case "email-changing":
      return {
        subject: sv ? "Din e-postadress håller på att bytas" : "Your e-mail address is being changed",
        paragraphs: [
          sv
            ? `Någon som är inloggad på ditt konto på Partnerkartan har bett att byta kontots adress till ${message.newAddress}. Bytet sker när den nya adressen bekräftas.`
            : `Someone signed in to your Partnerkartan account asked to change its address to ${message.newAddress}. The change happens when the new address is confirmed.`,
          sv
            ? "Var det inte du? Byt lösenord med ”Glömt lösenordet?” (det loggar ut alla) och kontakta Civic Tech Sweden."
            : "Was it not you? Change the password with “Forgot password?” (that signs everyone out) and contact Civic Tech Sweden.",
        ],
      };
    case "account-removed":
      return {
        subject: sv ? "Ditt konto är borttaget" : "Your account was removed",
        paragraphs: [
          sv
            ? "Ditt konto på Partnerkartan är borttaget, med din e-postadress och ditt namn. I historiken står ändringarna du gjort nu på ett borttaget konto, och profilerna du ägde finns kvar utan ägare."
            : "Your Partnerkartan account was removed, with your e-mail address and your name. In the history, your changes are now credited to a removed account, and the profiles you owned remain, without an owner.",
        ],
      };
    case "submission-approved":
      return {
        subject: sv ? `”${message.name}” är godkänd` : `“${message.name}” was approved`,
        paragraphs: [
          sv
            ? `Tack! Din inlämning ”${message.name}” har godkänts och syns nu på kartan. Du kan själv ändra den när du är inloggad.`
            : `Thank you! Your submission “${message.name}” was approved and is now on the map. You can edit it yourself when signed in.`,
          { link: message.link, label: sv ? "Visa på kartan" : "Show on the map" },
        ],
      };
    case "submission-rejected":
      return {
        subject: sv ? `”${message.name}” godkändes inte` : `“${message.name}” was not approved`,
        paragraphs: [
          sv
            ? `Din inlämning ”${message.name}” godkändes inte. Samordnarens skäl:`
            : `Your submission “${message.name}” was not approved. The coordinator's reason:`,
          message.reason,
          sv
            ? "Du kan rätta uppgifterna och skicka in igen under ”Mina inlämningar”."
            : "You can correct it and submit again under “My submissions”.",
          { link: message.link, label: sv ? "Öppna Partnerkartan" : "Open Partnerkartan" },
        ],
      };
    case "profile-edited":
      return {
        subject: sv ? `”${message.name}” har ändrats` : `“${message.name}” was edited`,
        paragraphs: [
          sv
            ? `${message.editor} har ändrat ”${message.name}”, som du äger. I historiken ser du vad som ändrats och kan ändra tillbaka.`
            : `${message.editor} edited “${message.name}”, which you own. The history shows what changed, and you can change it back.`,
          { link: message.historyLink, label: sv ? "Visa historiken" : "Show the history" },
        ],
      };
    case "review-digest":
      return {
        subject: sv
          ? `${message.waiting} ${message.waiting === 1 ? "inlämning väntar" : "inlämningar väntar"} på granskning`
          : `${message.waiting} ${message.waiting === 1 ? "submission waits" : "submissions wait"} for review`,
        paragraphs: [
          sv
            ? `${message.waiting} ${message.waiting === 1 ? "inlämning väntar" : "inlämningar väntar"} på granskning i Partnerkartan.`
            : `${message.waiting} ${message.waiting === 1 ? "submission waits" : "submissions wait"} for review in Partnerkartan.`,
          { link: message.link, label: sv ? "Granska" : "Review" },
          sv
            ? "Du får det här brevet en gång om dagen när något väntar. Du kan stänga av det i kontoinställningarna:"
            : "You get this message once a day when something waits. You can switch it off in the account settings:",
          { link: message.settingsLink, label: sv ? "Kontoinställningar" : "Account settings" },
        ],
      };
    default:
      return contactContent(message, language);
  }
}

/** The message's subject and paragraphs in `language`, signed. */
export function mailContent(message: MailMessage, language: Language): MailContent {
  const { subject, paragraphs } = content(message, language);
  return { subject, paragraphs: [...paragraphs, SIGNATURE[language]] };
}
