import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth.js';
import type { Viewer } from '../auth.js';
import type { MemberPatch, MemberRecord, Store } from '../data/store.js';
import { completeVisibility } from '../data/signup.js';
import { LINK_TTL_MS, confirmationDue, isErased } from '../domain/membership.js';
import type { MembershipMail } from '../mail/links.js';
import { ProblemError } from '../problem.js';
import { problemResponses, type FieldErrorCode } from '../schemas/problem.js';
import {
  ConsentChangeRequestSchema,
  EmailChangeReceiptSchema,
  EmailChangeRequestSchema,
  MemberExportSchema,
  OwnProfileSchema,
  ProfilePatchSchema,
} from '../schemas/membership.js';
import { ifMatchTags } from '../validation.js';
import { REQUIRED_BEARER, createRouter } from './router.js';

const ETAG_HEADER = { ETag: { description: 'The profile’s version, for `If-Match`.', schema: { type: 'string' as const } } };
const IfMatchHeaderSchema = z.object({
  'if-match': z.string().max(100).optional().openapi({ description: 'The `ETag` of `GET /api/v1/me` as last read (428 without it).' }),
});

export interface MeDeps {
  store: Store;
  mail: MembershipMail;
}

type OwnProfile = z.infer<typeof OwnProfileSchema>;

export function ownProfile(member: MemberRecord, confirmMonths: number, now = Date.now()): OwnProfile {
  return {
    id: member.id,
    status: member.status,
    familyName: member.familyName,
    givenName: member.givenName,
    familyNameKana: member.familyNameKana,
    givenNameKana: member.givenNameKana,
    email: member.email,
    department: member.departmentId,
    departmentOther: member.departmentOther,
    roleAtLeaving: member.roleAtLeaving,
    joined: member.joined,
    left: member.left,
    currentCompany: member.currentCompany,
    currentRole: member.currentRole,
    location: member.location,
    profileUrl: member.profileUrl,
    interests: member.interests,
    directory: { listed: member.listed, visibility: completeVisibility(member.visibility as never) },
    consent: { contact: member.contactConsent, privacyPolicyVersion: member.privacyPolicyVersion, at: member.consentedAt },
    returnIntent: member.returnIntent,
    employeeNumber: member.employeeNumber,
    lang: member.lang,
    createdAt: member.createdAt,
    updatedAt: member.updatedAt,
    confirmedAt: member.confirmedAt,
    confirmationDue: Date.parse(confirmationDue(member.confirmedAt, confirmMonths)) <= now,
  };
}

const etagOf = (member: MemberRecord) => `"${member.version}"`;

/** The signed-in member's id; the route's requireRole('alumni') made sure there is one. */
function memberId(viewer: Viewer): string {
  if (viewer.role !== 'alumni') throw new ProblemError('forbidden', 'Only a member manages their membership.');
  return viewer.sub;
}

const gone = () => new ProblemError('not-found', 'There is no member for this session (the membership was deleted).');

/** The session's member, unless they left (a returner's erased row stays for HR's records only). */
async function liveMember(store: Store, id: string): Promise<MemberRecord> {
  const member = await store.membership.read(id);
  if (!member || isErased(member)) throw gone();
  return member;
}

export function meRoutes({ store, mail }: MeDeps) {
  const confirmMonths = () => mail.options.confirmMonths;
  const middleware = requireRole('alumni');

  const getMe = createRoute({
    method: 'get',
    path: '/api/v1/me',
    operationId: 'getMyProfile',
    tags: ['membership'],
    summary: 'The signed-in member’s own profile (alumni)',
    description: 'Only an `alumni` token names a member: 401 without a token, 403 for employees and HR. 404 once the membership was deleted.',
    security: REQUIRED_BEARER,
    middleware,
    responses: {
      200: { description: 'The profile; `ETag` is its version.', headers: ETAG_HEADER, content: { 'application/json': { schema: OwnProfileSchema } } },
      ...problemResponses(401, 403, 404),
    },
  });

  const patchMe = createRoute({
    method: 'patch',
    path: '/api/v1/me',
    operationId: 'updateMyProfile',
    tags: ['membership'],
    summary: 'Update the own profile, or confirm it is still accurate (alumni)',
    description:
      'Partial. Needs `If-Match` with the `ETag` of `GET /api/v1/me`: 428 without, 412 with the current profile (`current`) when it changed since (another device). Every save sets `confirmedAt`. Audited with the changed field names only.',
    security: REQUIRED_BEARER,
    middleware,
    request: { headers: IfMatchHeaderSchema, body: { required: true, content: { 'application/json': { schema: ProfilePatchSchema } } } },
    responses: {
      200: { description: 'The profile as stored now.', headers: ETAG_HEADER, content: { 'application/json': { schema: OwnProfileSchema } } },
      ...problemResponses(400, 401, 403, 404, 412, 413, 415, 428),
    },
  });

  const deleteMe = createRoute({
    method: 'delete',
    path: '/api/v1/me',
    operationId: 'deleteMyMembership',
    tags: ['membership'],
    summary: 'Leave the network: erase the own personal data (alumni)',
    description:
      'Erases at once the member row, consents, link tokens, reactions, mail to the address and the directory entry with its search text; keeps an audit tombstone with the id only. Idempotent: 204 again. A registered returner’s checklist and welcome-back announcements are HR’s records of the rehire: for them the row keeps only the name, the former department and the joined and left months (everything else, the address included, is erased, and so are the announcements’ "while away" and "ask me about"); the session then finds no member (404).',
    security: REQUIRED_BEARER,
    middleware,
    responses: { 204: { description: 'Erased (or already gone).' }, ...problemResponses(401, 403) },
  });

  const exportMe = createRoute({
    method: 'get',
    path: '/api/v1/me/export',
    operationId: 'exportMyData',
    tags: ['membership'],
    summary: 'Download everything stored about me (alumni)',
    description: 'A JSON attachment: the profile, visibility, consent history with policy versions and times, audit entries about me, my reactions.',
    security: REQUIRED_BEARER,
    middleware,
    responses: {
      200: { description: 'The export.', content: { 'application/json': { schema: MemberExportSchema } } },
      ...problemResponses(401, 403, 404),
    },
  });

  const putEmail = createRoute({
    method: 'put',
    path: '/api/v1/me/email',
    operationId: 'changeMyEmail',
    tags: ['membership'],
    summary: 'Change the personal address, verified at the new one (alumni)',
    description:
      'Mails a confirmation link (72 hours) to the new address; the change takes effect when it is opened (`POST /api/v1/auth/token`), and the old address is then told. 202 in every case (the answer does not say whether the address belongs to someone).',
    security: REQUIRED_BEARER,
    middleware,
    request: { body: { required: true, content: { 'application/json': { schema: EmailChangeRequestSchema } } } },
    responses: {
      202: { description: 'A link is on its way to the new address.', content: { 'application/json': { schema: EmailChangeReceiptSchema } } },
      ...problemResponses(400, 401, 403, 404, 413, 415),
    },
  });

  const putConsent = createRoute({
    method: 'put',
    path: '/api/v1/me/consent',
    operationId: 'setMyConsent',
    tags: ['membership'],
    summary: 'Give or withdraw contact consent in one step (alumni)',
    description: 'Records a new consent (the history is kept, with policy version and time). `privacyPolicyVersion` must be the current one (`invalid_choice`).',
    security: REQUIRED_BEARER,
    middleware,
    request: { body: { required: true, content: { 'application/json': { schema: ConsentChangeRequestSchema } } } },
    responses: {
      200: { description: 'The profile as stored now.', headers: ETAG_HEADER, content: { 'application/json': { schema: OwnProfileSchema } } },
      ...problemResponses(400, 401, 403, 404, 413, 415),
    },
  });

  return createRouter()
    .openapi(getMe, async (c) => {
      const member = await liveMember(store, memberId(c.var.viewer));
      c.header('ETag', etagOf(member));
      c.header('Cache-Control', 'private, no-store');
      return c.json(ownProfile(member, confirmMonths()), 200);
    })
    .openapi(patchMe, async (c) => {
      const id = memberId(c.var.viewer);
      const ifMatch = c.req.header('if-match');
      if (ifMatch === undefined) throw new ProblemError('precondition-required', 'Send If-Match with the ETag of GET /api/v1/me.');
      const current = await liveMember(store, id);
      const tags = ifMatchTags(ifMatch);
      const expected = tags === '*' || tags.includes(etagOf(current)) ? current.version : -1;
      const patch = await toPatch(store, c.req.valid('json'), current);
      const outcome = await store.membership.update(id, patch, expected, c.var.viewer, new Date().toISOString());
      if (outcome.outcome === 'missing') throw gone();
      if (outcome.outcome === 'stale') {
        throw new ProblemError('precondition-failed', `The profile is at ${etagOf(outcome.member)}, not ${ifMatch}.`, {
          extensions: { current: ownProfile(outcome.member, confirmMonths()) },
          headers: { ETag: etagOf(outcome.member) },
        });
      }
      c.header('ETag', etagOf(outcome.member));
      return c.json(ownProfile(outcome.member, confirmMonths()), 200);
    })
    .openapi(deleteMe, async (c) => {
      await store.membership.erase(memberId(c.var.viewer), c.var.viewer, new Date().toISOString());
      return c.body(null, 204);
    })
    .openapi(exportMe, async (c) => {
      const data = await store.membership.export((await liveMember(store, memberId(c.var.viewer))).id);
      if (!data) throw gone();
      c.header('Content-Disposition', 'attachment; filename="okaeri-my-data.json"');
      c.header('Cache-Control', 'private, no-store');
      return c.json(
        {
          exportedAt: new Date().toISOString(),
          profile: ownProfile(data.member, confirmMonths()),
          consents: data.consents,
          audit: data.audit.map(({ at, actorRole, actorSub, action, detail }) => ({ at, actorRole, actorSub, action, detail })),
          reactions: data.reactions,
        },
        200,
      );
    })
    .openapi(putEmail, async (c) => {
      const id = memberId(c.var.viewer);
      const member = await liveMember(store, id);
      const { email } = c.req.valid('json');
      const now = new Date();
      if (email !== member.email && (await mail.mayMail(email))) {
        await mail.sendLink({ kind: 'email-change', purpose: 'email-change', alumniId: id, to: email, lang: member.lang, newEmail: email, now: now.toISOString() });
        await store.audit.record({ viewer: c.var.viewer, action: 'alumni.email.change-requested', subject: id });
      }
      const expiresAt = new Date(now.getTime() + LINK_TTL_MS['email-change']).toISOString();
      return c.json({ pendingEmail: email, expiresAt }, 202);
    })
    .openapi(putConsent, async (c) => {
      const input = c.req.valid('json');
      if (input.privacyPolicyVersion !== (await store.settings.read()).privacyPolicy.version) {
        throw new ProblemError('validation', 'The request body has invalid fields: privacyPolicyVersion.', {
          errors: { privacyPolicyVersion: 'invalid_choice' },
        });
      }
      const member = await store.membership.setConsent((await liveMember(store, memberId(c.var.viewer))).id, input, c.var.viewer, new Date().toISOString());
      if (!member) throw gone();
      c.header('ETag', etagOf(member));
      return c.json(ownProfile(member, confirmMonths()), 200);
    });
}


type PatchBody = z.infer<typeof ProfilePatchSchema>;

/**
 * The body as a store patch, checked as the signup checks a whole profile: the merged result has
 * exactly one department (giving one clears the other), `left` is not before `joined`, and
 * `from` goes with `open-from` only.
 */
async function toPatch(store: Store, body: PatchBody, current: MemberRecord): Promise<MemberPatch> {
  const errors: Record<string, FieldErrorCode> = {};
  const text = (value: string | null | undefined) => (value === undefined ? undefined : value ? value : null);
  const patch: MemberPatch = {};
  const assign = <K extends keyof MemberPatch>(key: K, value: MemberPatch[K] | undefined) => {
    if (value !== undefined) patch[key] = value;
  };
  assign('familyName', body.familyName);
  assign('givenName', body.givenName);
  assign('familyNameKana', text(body.familyNameKana));
  assign('givenNameKana', text(body.givenNameKana));
  assign('roleAtLeaving', text(body.roleAtLeaving));
  // Normalized by the schema as at signup (NFKC, trimmed, upper case); empty clears it.
  assign('employeeNumber', text(body.employeeNumber));
  assign('joined', body.joined);
  assign('left', body.left);
  assign('currentCompany', text(body.currentCompany));
  assign('currentRole', text(body.currentRole));
  assign('location', text(body.location));
  assign('profileUrl', text(body.profileUrl));
  assign('interests', body.interests);
  assign('lang', body.lang);
  const department = text(body.department);
  const departmentOther = text(body.departmentOther);
  if (department) {
    if (!(await store.departments.exists(department))) errors.department = 'invalid_choice';
    patch.departmentId = department;
    patch.departmentOther = null;
  } else if (departmentOther) {
    patch.departmentId = null;
    patch.departmentOther = departmentOther;
  } else if (department === null || departmentOther === null) {
    const after = { id: department === null ? null : current.departmentId, other: departmentOther === null ? null : current.departmentOther };
    if (!after.id && !after.other) errors.department = 'required';
  }
  const joined = patch.joined ?? current.joined;
  const left = patch.left ?? current.left;
  if (left && left < joined) errors.left = 'out_of_range';
  if (body.directory?.listed !== undefined) patch.listed = body.directory.listed;
  if (body.directory?.visibility) patch.visibility = body.directory.visibility;
  if (body.returnIntent) {
    const intent = { ...current.returnIntent, ...stripUndefined(body.returnIntent) };
    if (intent.intent === 'open-from' && !intent.from) errors['returnIntent.from'] = 'required';
    if (intent.intent !== 'open-from') intent.from = null;
    patch.returnIntent = intent;
  }
  const fields = Object.keys(errors);
  if (fields.length) throw new ProblemError('validation', `The request body has invalid fields: ${fields.join(', ')}.`, { errors });
  return patch;
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
