/**
 * The mail of contact requests and profile claims, in Swedish and English. Addresses appear only in the two mails
 * sent on acceptance, each to one of the two parties, naming the other.
 */
import type { Language } from "../../shared/schema/account";
import type { MailContent } from "./render-mail";

export type ContactMail =
  | {
      template: "contact-request";
      projectName: string;
      organisationName: string;
      senderName: string;
      message: string;
      reasons: string[];
      link: string;
    }
  /** To the sender: the accepting owner's name and address. */
  | { template: "contact-accepted"; projectName: string; organisationName: string; name: string; address: string }
  /** To the accepting owner: the sender's name and address. */
  | { template: "contact-shared"; projectName: string; organisationName: string; name: string; address: string }
  | { template: "contact-declined"; projectName: string; organisationName: string; link: string }
  | { template: "claim-approved"; name: string; link: string }
  | { template: "claim-rejected"; name: string; reason: string; link: string };

const bullets = (lines: string[]) => lines.map((line) => `• ${line}`).join("\n");

export function contactContent(message: ContactMail, language: Language): MailContent {
  const sv = language === "sv";
  switch (message.template) {
    case "contact-request":
      return {
        subject: sv
          ? `${message.projectName} vill komma i kontakt med ${message.organisationName}`
          : `${message.projectName} would like to get in touch with ${message.organisationName}`,
        paragraphs: [
          sv
            ? `${message.senderName}, ägare av projektet ”${message.projectName}” på Partnerkartan, vill komma i kontakt med ${message.organisationName}, vars profil du äger. Meddelandet:`
            : `${message.senderName}, an owner of the project “${message.projectName}” on Partnerkartan, would like to get in touch with ${message.organisationName}, whose profile you own. The message:`,
          message.message,
          ...(message.reasons.length > 0
            ? [
                sv
                  ? "Därför föreslog Partnerkartan er för projektet:"
                  : "Why Partnerkartan suggested you to the project:",
                bullets(message.reasons),
              ]
            : []),
          sv
            ? "Ingen e-postadress har delats. Tackar du ja får ni båda varandras adresser, och ingen annan; tackar du nej delas ingenting."
            : "No e-mail address has been shared. If you accept, you both get each other's address, and no one else does; if you decline, nothing is shared.",
          { link: message.link, label: sv ? "Svara på förfrågan" : "Answer the request" },
        ],
      };
    case "contact-accepted":
      return {
        subject: sv
          ? `${message.organisationName} tackade ja till er kontaktförfrågan`
          : `${message.organisationName} accepted your contact request`,
        paragraphs: [
          sv
            ? `${message.name} på ${message.organisationName} har tackat ja till förfrågan från ”${message.projectName}”. Du når ${message.name} på:`
            : `${message.name} at ${message.organisationName} accepted the request from “${message.projectName}”. You can reach ${message.name} at:`,
          message.address,
          sv
            ? "Din adress har samtidigt skickats till dem, och till ingen annan."
            : "Your address has been sent to them at the same time, and to no one else.",
        ],
      };
    case "contact-shared":
      return {
        subject: sv ? `Kontaktuppgifter till ”${message.projectName}”` : `Contact details for “${message.projectName}”`,
        paragraphs: [
          sv
            ? `Du tackade ja till förfrågan från ”${message.projectName}” till ${message.organisationName}. Du når ${message.name} på:`
            : `You accepted the request from “${message.projectName}” to ${message.organisationName}. You can reach ${message.name} at:`,
          message.address,
          sv
            ? "Din adress har samtidigt skickats till dem, och till ingen annan."
            : "Your address has been sent to them at the same time, and to no one else.",
        ],
      };
    case "contact-declined":
      return {
        subject: sv
          ? `${message.organisationName} tackade nej till er kontaktförfrågan`
          : `${message.organisationName} declined your contact request`,
        paragraphs: [
          sv
            ? `${message.organisationName} har tackat nej till förfrågan från ”${message.projectName}”. Inga kontaktuppgifter har delats.`
            : `${message.organisationName} declined the request from “${message.projectName}”. No contact details were shared.`,
          { link: message.link, label: sv ? "Se fler förslag" : "See more suggestions" },
        ],
      };
    case "claim-approved":
      return {
        subject: sv ? `Du äger nu profilen för ${message.name}` : `You now own the profile of ${message.name}`,
        paragraphs: [
          sv
            ? `En samordnare har godkänt ditt anspråk: du äger nu profilen för ${message.name} på Partnerkartan. Du kan ändra den och får kontaktförfrågningar till organisationen.`
            : `A coordinator approved your claim: you now own the profile of ${message.name} on Partnerkartan. You can edit it, and contact requests to the organisation reach you.`,
          { link: message.link, label: sv ? "Visa på kartan" : "Show on the map" },
        ],
      };
    case "claim-rejected":
      return {
        subject: sv ? `Anspråket på ${message.name} godkändes inte` : `The claim of ${message.name} was not approved`,
        paragraphs: [
          sv
            ? `Ditt anspråk på profilen för ${message.name} godkändes inte. Samordnarens skäl:`
            : `Your claim of the profile of ${message.name} was not approved. The coordinator's reason:`,
          message.reason,
          { link: message.link, label: sv ? "Öppna Partnerkartan" : "Open Partnerkartan" },
        ],
      };
  }
}
