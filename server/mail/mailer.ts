/*
 * Where mail goes. With OKAERI_SMTP_URL, through nodemailer to that server (from
 * OKAERI_MAIL_FROM); without it (the embedded default), into the outbox table, printed on the
 * console in demo mode and listed at /demo/mailbox, so `npm start` works with no mail server.
 */
import nodemailer from 'nodemailer';
import type { MailMessage, Store } from '../data/store.js';

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  /** Resolves when the message was handed over (to the SMTP server, or stored). */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export const DEFAULT_MAIL_FROM = 'Okaeri <no-reply@okaeri.invalid>';

export function smtpMailer(url: string, from: string = DEFAULT_MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html });
    },
    close: () => transport.close(),
  };
}

export function outboxMailer(store: Store, options: { print?: boolean } = {}): Mailer {
  return {
    kind: 'outbox',
    async send(message) {
      await store.mailOutbox.add({ ...message, at: new Date().toISOString() });
      if (options.print) {
        console.log(`Mail to ${message.to}: ${message.subject}\n${message.text.replace(/^/gm, '  | ')}`);
      }
    },
    close() {},
  };
}
