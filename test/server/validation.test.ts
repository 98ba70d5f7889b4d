import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { z } from '@hono/zod-openapi';
import { FIELD_ERROR_CODES } from '../../server/schemas/problem.js';
import { fieldErrors, useFieldErrorCodesAsZodMessages } from '../../server/validation.js';

// A signup-shaped schema exercising every code a later route can produce.
const Signup = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(5),
  nickname: z.string().min(3).optional(),
  department: z.enum(['sales', 'engineering']),
  joined: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'invalid_date' }),
  returnDate: z.iso.date(),
  profileUrl: z.url(),
  tenureYears: z.number().int().min(0).max(60),
  interests: z.array(z.enum(['rehire', 'events'])).min(1),
  consent: z.strictObject({ privacyPolicyVersion: z.string(), contact: z.boolean() }),
});

describe('field error codes', () => {
  before(() => useFieldErrorCodesAsZodMessages());

  it('turns each kind of zod issue into its code, keyed by dotted path', () => {
    const result = Signup.safeParse({
      email: 'not-an-address',
      name: '   ',
      nickname: 'ab',
      department: 'kitchen',
      joined: '2019-13',
      returnDate: '2025-02-30',
      profileUrl: 'example',
      tenureYears: 61,
      interests: [],
      consent: { privacyPolicyVersion: 3, marketing: true },
      extra: 1,
    });
    assert.ok(!result.success);
    assert.deepEqual(fieldErrors(result.error), {
      email: 'invalid_email',
      name: 'required',
      nickname: 'too_short',
      department: 'invalid_choice',
      joined: 'invalid_date',
      returnDate: 'invalid_date',
      profileUrl: 'invalid_url',
      tenureYears: 'out_of_range',
      interests: 'required',
      'consent.privacyPolicyVersion': 'invalid',
      'consent.contact': 'required',
      'consent.marketing': 'unknown_field',
      extra: 'unknown_field',
    });
  });

  it('reports too_long, and a null in a required field as required', () => {
    const result = Signup.safeParse({ email: null, name: 'toolong' });
    assert.ok(!result.success);
    const errors = fieldErrors(result.error);
    assert.equal(errors.email, 'required');
    assert.equal(errors.name, 'too_long');
  });

  it('uses array indices as path segments', () => {
    const result = Signup.shape.interests.safeParse(['rehire', 'golf']);
    assert.ok(!result.success);
    assert.deepEqual(fieldErrors(result.error), { '1': 'invalid_choice' });
  });

  it('only ever produces codes of the contract', () => {
    const result = Signup.safeParse({ email: 5, interests: 'all', consent: [] });
    assert.ok(!result.success);
    for (const code of Object.values(fieldErrors(result.error))) {
      assert.ok((FIELD_ERROR_CODES as readonly string[]).includes(code), code);
    }
  });
});
