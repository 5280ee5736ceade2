/** Every template in both languages renders to text and escaped HTML; the retry pauses grow and stop growing. */
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, retryDelayMs } from "../../../server/mail/mailer";
import { escapeHtml, renderMail } from "../../../server/mail/render-mail";
import { type MailMessage, mailContent } from "../../../server/mail/templates";

const hostile = `<img src=x onerror="alert(1)"> & 'quotes'`;
const EVERY: MailMessage[] = [
  { template: "verify-email", link: "https://k.example/#verify=abc" },
  { template: "sign-up-existing", resetLink: "https://k.example/#reset=abc" },
  { template: "reset-password", link: "https://k.example/#reset=abc" },
  { template: "password-changed" },
  { template: "confirm-new-email", link: "https://k.example/#email=abc" },
  { template: "email-changing", newAddress: hostile },
  { template: "submission-approved", name: hostile, link: "https://k.example/?node=project%3Ax" },
  { template: "submission-rejected", name: hostile, reason: hostile, link: "https://k.example/" },
  { template: "profile-edited", name: hostile, editor: hostile, historyLink: "https://k.example/#history=project%3Ax" },
  {
    template: "review-digest",
    waiting: 3,
    link: "https://k.example/#review",
    settingsLink: "https://k.example/#account",
  },
];

describe("mail templates", () => {
  for (const message of EVERY) {
    for (const language of ["sv", "en"] as const) {
      it(`${message.template} in ${language}: text, escaped HTML, one-line subject`, () => {
        const mail = renderMail(mailContent(message, language), language);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.html).toContain(`<html lang="${language}">`);
        expect(mail.html).not.toContain("<img");
        expect(mail.html).not.toMatch(/onerror="/);
        expect(mail.text).toContain(language === "sv" ? "Hälsningar" : "Best regards");
        for (const link of mail.text.match(/https:\/\/\S+/g) ?? []) expect(mail.html).toContain(`href="${link}"`);
      });
    }
  }

  it("differs between Swedish and English", () => {
    const sv = renderMail(mailContent(EVERY[0] as MailMessage, "sv"), "sv");
    const en = renderMail(mailContent(EVERY[0] as MailMessage, "en"), "en");
    expect(sv.subject).toBe("Bekräfta din e-postadress");
    expect(en.subject).toBe("Confirm your e-mail address");
  });

  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  });

  it("keeps a line break in a name out of the subject", () => {
    const mail = renderMail(
      mailContent({ ...(EVERY[6] as MailMessage), name: "A\r\nBcc: x@y" } as MailMessage, "en"),
      "en",
    );
    expect(mail.subject).toBe("“A Bcc: x@y” was approved");
  });
});

describe("retry pauses", () => {
  it("double from 30 s and stop at an hour", () => {
    const pauses = Array.from({ length: 10 }, (_, i) => retryDelayMs(i + 1, DEFAULT_RETRY) / 1000);
    expect(pauses).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });
});
