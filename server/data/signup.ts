import type { Viewer } from '../auth.js';
import type { Db } from '../db/open.js';
import { completeVisibility, newId } from '../domain/signup.js';
import type { SignupRequest } from '../schemas/signup.js';
import { prepareAlumnusInsert } from './alumni.js';
import { recordAudit } from './audit.js';
import { syncDirectoryEntries } from './directory.js';
import { insertLinkToken } from './membership.js';
import type { MailLanguage } from '../domain/membership.js';

export type SignupOutcome = 'created' | 'duplicate';

/**
 * Stores a validated signup: the member, the consent they gave (policy version, contact, time)
 * and their visibility choices, with an audit row, in one transaction. An address that is already
 * registered stores nothing but an audit row of the attempt, and still yields a fresh id, which
 * names no member, so the caller can answer exactly as for a new member.
 */
export function prepareSignup(db: Db) {
  const insertAlumnus = prepareAlumnusInsert(db);
  const findByEmail = db.prepare<[string], { id: string; status: 'pending' | 'active' }>('SELECT id, status FROM alumni WHERE email = ?');

  const store = db.transaction(
    (
      input: SignupRequest,
      context: {
        viewer: Viewer;
        privacyPolicyVersion: string;
        at: string;
        lang?: MailLanguage;
        verification?: { id: string; secretHash: string };
      },
    ) => {
      const id = newId('al');
      const existing = findByEmail.get(input.email);
      if (existing?.status === 'active') {
        recordAudit(db, {
          viewer: context.viewer,
          action: 'alumni.signup.duplicate',
          subject: existing.id,
          detail: { answeredWithId: id },
        });
        return { id, outcome: 'duplicate' as SignupOutcome, memberId: existing.id };
      }
      if (existing) {
        // An unverified signup holds the address for nobody: whoever can read the mailbox
        // verifies the newest one, so registering someone else's address first locks no one out.
        db.prepare('DELETE FROM alumni WHERE id = ?').run(existing.id);
        syncDirectoryEntries(db, existing.id);
        recordAudit(db, { viewer: context.viewer, action: 'alumni.signup.replace-pending', subject: existing.id, detail: { replacedBy: id } });
      }
      const consentId = newId('cn');
      const departmentId = orNull(input.department);
      insertAlumnus({
        id,
        familyName: input.familyName,
        givenName: input.givenName,
        familyNameKana: orNull(input.familyNameKana),
        givenNameKana: orNull(input.givenNameKana),
        email: input.email,
        departmentId,
        departmentOther: departmentId ? null : orNull(input.departmentOther),
        roleAtLeaving: orNull(input.roleAtLeaving),
        employeeNumber: orNull(input.employeeNumber),
        joined: input.joined,
        left: input.left,
        currentCompany: orNull(input.currentCompany),
        currentRole: orNull(input.currentRole),
        location: orNull(input.location),
        profileUrl: orNull(input.profileUrl),
        photoUrl: null,
        interests: input.interests,
        listed: input.directory.listed,
        visibility: completeVisibility(input.directory.visibility),
        contactConsent: input.consent.contact,
        createdAt: context.at,
        consentId,
        privacyPolicyVersion: context.privacyPolicyVersion,
        // Pending until the verification link is opened; without one (tools, imports) active.
        status: context.verification ? 'pending' : 'active',
        lang: context.lang ?? 'ja',
      });
      if (context.verification) {
        insertLinkToken(db, { ...context.verification, purpose: 'verify', alumniId: id, now: context.at });
      }
      // No personal data here: the audit log outlives a member's deletion.
      recordAudit(db, {
        viewer: context.viewer,
        action: 'alumni.signup',
        subject: id,
        detail: {
          consentId,
          privacyPolicyVersion: context.privacyPolicyVersion,
          contact: input.consent.contact,
          listed: input.directory.listed,
        },
      });
      return { id, outcome: 'created' as SignupOutcome };
    },
  );
  // IMMEDIATE: the address check and the insert happen under one write lock, also against
  // another process on the same file.
  return (...args: Parameters<typeof store>) => store.immediate(...args);
}

// Pure, and used by routes too: they live in domain/, re-exported for the data code's callers.
export { completeVisibility, newId };

function orNull(value: string | undefined): string | null {
  return value ? value : null;
}

export function departmentExists(db: Db, id: string): boolean {
  return db.prepare<[string], number>('SELECT 1 FROM departments WHERE id = ?').pluck().get(id) !== undefined;
}
