import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends one message; resolves once the SMTP server has accepted it. */
export type Mailer = (message: MailMessage) => Promise<void>;

export const DEFAULT_MAIL_FROM = "Systemic <no-reply@systemic.invalid>";

/** A mailer that sends through the SMTP server at `url` (smtp:// with STARTTLS when offered, or smtps://). */
export function smtpMailer(url: string, from: string = DEFAULT_MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport(url);
  return async (message) => {
    await transport.sendMail({ from, ...message });
  };
}

/**
 * Without SMTP_URL there is nowhere to send mail: outside production the
 * message (with its link) is printed to the server log so a developer can
 * follow it; in production only the fact that nothing was sent is logged.
 */
export function logMailer(production: boolean): Mailer {
  return async (message) => {
    if (production) {
      console.warn(`[mail] SMTP_URL is not set: an email "${message.subject}" could not be sent.`);
      return;
    }
    console.info(`[mail] SMTP_URL is not set, so this email is printed instead of sent.\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`);
  };
}

let configured: Mailer | undefined;

/** The mailer the environment configures. */
export function mailer(): Mailer {
  configured ??= env.SMTP_URL ? smtpMailer(env.SMTP_URL, env.MAIL_FROM ?? DEFAULT_MAIL_FROM) : logMailer(env.NODE_ENV === "production");
  return configured;
}
