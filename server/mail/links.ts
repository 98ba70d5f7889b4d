/*
 * Sending the membership mails: a link token is issued (its hash stored) and the mail handed to
 * the mailer without the request waiting for it, so an answer takes as long whether or not a mail
 * was sent (no enumeration by timing) and a slow SMTP server delays no one. `idle()` lets tests
 * and shutdown wait for what is in flight.
 */
import { type LinkPurpose, type MailLanguage, type MembershipOptions, linkUrl, newLinkToken } from '../domain/membership.js';
import type { Store } from '../data/store.js';
import type { RateLimit } from '../middleware/rate-limit.js';
import type { Mailer } from './mailer.js';
import { type MailKind, renderMail } from './templates.js';

/** Mails per address: enough to ask again a few times, too few to flood someone's inbox. */
export const MAIL_PER_ADDRESS_LIMIT: RateLimit = { limit: 5, windowMs: 60 * 60 * 1000 };

export interface MembershipMailDeps {
  store: Store;
  mailer: Mailer;
  options: MembershipOptions;
  perAddress?: RateLimit;
}

export class MembershipMail {
  private readonly inFlight = new Set<Promise<void>>();
  constructor(private readonly deps: MembershipMailDeps) {}

  get options(): MembershipOptions {
    return this.deps.options;
  }

  /**
   * Counts a mail to `address` against its limit; false when the address had its share (then no
   * mail is sent, and the caller answers as if it had been).
   */
  async mayMail(address: string): Promise<boolean> {
    const limit = this.deps.perAddress ?? MAIL_PER_ADDRESS_LIMIT;
    const decision = await this.deps.store.rateLimits.hit({
      bucket: 'mail-address',
      client: address.trim().toLowerCase(),
      limit: limit.limit,
      windowMs: limit.windowMs,
      now: Date.now(),
    });
    return decision.allowed;
  }

  /** Issues a link token of `purpose` for the member and mails the link to `to`. */
  async sendLink(input: { kind: MailKind; purpose: LinkPurpose; alumniId: string; to: string; lang: MailLanguage; newEmail?: string; now?: string }): Promise<void> {
    const token = newLinkToken();
    await this.deps.store.membership.issueToken({
      id: token.id,
      secretHash: token.secretHash,
      purpose: input.purpose,
      alumniId: input.alumniId,
      newEmail: input.newEmail ?? null,
      now: input.now ?? new Date().toISOString(),
    });
    this.deliver(input.kind, input.to, input.lang, linkUrl(this.deps.options, token.token));
  }

  /** A link with a token issued by the caller (the signup stores it with the member). */
  deliver(kind: MailKind, to: string, lang: MailLanguage, link?: string): void {
    const mail = renderMail(kind, lang, link);
    const sending = this.deps.mailer
      .send({ to, ...mail })
      .catch((error: unknown) => console.error(`Mail (${kind}) could not be sent:`, error))
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  /** Resolves when every mail handed over so far was sent (or failed). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }
}
