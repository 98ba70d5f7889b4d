import type { Store, StoreResources } from '../data/store.js';
import { INTEREST_IDS } from '../domain/interests.js';
import {
  DEFAULT_VISIBILITY,
  VISIBILITY_FIELDS,
  VISIBILITY_LEVELS,
  type Visibility,
} from '../domain/visibility.js';
import { idFromBytes } from '../ids.js';
import {
  COMPANIES,
  CURRENT_POSITIONS,
  DEPARTMENTS,
  EMAIL_DOMAINS,
  LOCATIONS,
  OTHER_DEPARTMENTS,
} from './catalog.js';
import { formatMonth, monthIndex, startOfMonth } from './dates.js';
import {
  ENGLISH_FAMILY_NAMES,
  ENGLISH_GIVEN_NAMES,
  JAPANESE_FAMILY_NAMES,
  JAPANESE_GIVEN_NAMES,
} from './names.js';
import { SeededRandom } from './random.js';
import type { AlumnusRecord } from '../data/alumni.js';

export interface SeedAlumniOptions {
  /** Same seed, same people (ids included); use a new seed to add more to the same database. */
  seed: number;
  /** Tenures end before this date's month; sign-ups happen before it. */
  now?: Date;
}

/**
 * Members handed to the store in one call: the whole load up to this many (one bulk load, its
 * index maintenance deferred to the end), which a 100,000-member load test fits in memory.
 */
const BATCH_SIZE = 200_000;

/**
 * Adds `count` synthetic alumni (about 70% with Japanese names and furigana) in one transaction.
 * E-mail addresses carry a sequence number past any used so far, so repeated runs never collide
 * on the unique address.
 */
export function seedAlumni(store: Store, count: number, options: SeedAlumniOptions): Promise<number> {
  return store.transaction((tx) => addAlumni(tx, count, options));
}

/** `seedAlumni` inside the caller's transaction. */
export async function addAlumni(tx: StoreResources, count: number, { seed, now = new Date() }: SeedAlumniOptions): Promise<number> {
  const rng = new SeededRandom(seed);
  const knownDepartments = new Set((await tx.departments.list()).map((department) => department.id));
  const context: GenerationContext = {
    departments: DEPARTMENTS.filter((department) => knownDepartments.has(department.id)),
    privacyPolicyVersion: (await tx.settings.read()).privacyPolicy.version,
    lastMonth: monthIndex(now) - 1,
    now,
  };
  const firstSequence = await tx.seed.nextAlumniSequence();
  // Return intents draw from a generator of their own: the people (ids included) stay those the seed always made.
  const intents = new SeededRandom(seed ^ INTENT_SEED);
  for (let start = 0; start < count; start += BATCH_SIZE) {
    const batch: AlumnusRecord[] = [];
    for (let index = start; index < Math.min(count, start + BATCH_SIZE); index++) {
      batch.push({ ...generateAlumnus(rng, context, firstSequence + index), intentToReturn: chooseIntent(intents, context) });
    }
    await tx.seed.alumni(batch);
  }
  return count;
}

interface GenerationContext {
  departments: readonly (typeof DEPARTMENTS)[number][];
  privacyPolicyVersion: string;
  lastMonth: number;
  now: Date;
}

function generateAlumnus(rng: SeededRandom, context: GenerationContext, sequence: number): AlumnusRecord {
  const id = idFromBytes('al', rng.bytes(16));
  const japanese = rng.chance(0.7);
  const language = japanese ? 'ja' : 'en';
  const name = japanese ? japaneseName(rng) : englishName(rng);

  const department = context.departments.length && rng.chance(0.93) ? rng.pick(context.departments) : null;
  const firstMonth = (2005 + rng.int(0, 17)) * 12 + rng.int(0, 11);
  const joined = Math.min(firstMonth, context.lastMonth);
  // Most tenures are a few years; some people stay a decade or more.
  const tenureMonths = 6 + Math.floor(rng.next() ** 2 * 150);
  const left = Math.min(joined + tenureMonths, context.lastMonth);

  const leftAt = startOfMonth(left).getTime();
  const signedUp = leftAt + rng.next() * (context.now.getTime() - leftAt);
  const createdAt = new Date(Math.min(signedUp, context.now.getTime() - 1)).toISOString();
  const contactConsent = rng.chance(0.6);

  return {
    id,
    ...name,
    email: `${name.romajiGiven}.${name.romajiFamily}.${sequence}@${rng.pick(EMAIL_DOMAINS)}`,
    departmentId: department?.id ?? null,
    departmentOther: department ? null : rng.pick(OTHER_DEPARTMENTS[language]),
    roleAtLeaving: department ? rng.pick(department.rolesAtLeaving[language]) : null,
    joined: formatMonth(joined),
    left: formatMonth(left),
    currentCompany: rng.chance(0.9) ? rng.pick(COMPANIES[language]) : null,
    currentRole: rng.chance(0.9) ? rng.pick(CURRENT_POSITIONS[language]) : null,
    location: rng.chance(0.85) ? rng.pick(LOCATIONS[language]) : null,
    profileUrl: rng.chance(0.4)
      ? `https://profiles.example.com/${name.romajiGiven}-${name.romajiFamily}-${id.slice(-4)}`
      : null,
    photoUrl: null,
    interests: rng.sample(INTEREST_IDS, rng.int(1, 3)),
    listed: rng.chance(0.75),
    visibility: chooseVisibility(rng),
    contactConsent,
    createdAt,
    consentId: idFromBytes('cn', rng.bytes(16)),
    privacyPolicyVersion: context.privacyPolicyVersion,
  };
}

function japaneseName(rng: SeededRandom) {
  const [familyName, familyNameKana, romajiFamily] = rng.pick(JAPANESE_FAMILY_NAMES);
  const [givenName, givenNameKana, romajiGiven] = rng.pick(JAPANESE_GIVEN_NAMES);
  return { familyName, givenName, familyNameKana, givenNameKana, romajiFamily, romajiGiven };
}

function englishName(rng: SeededRandom) {
  const familyName = rng.pick(ENGLISH_FAMILY_NAMES);
  const givenName = rng.pick(ENGLISH_GIVEN_NAMES);
  return {
    familyName,
    givenName,
    familyNameKana: null,
    givenNameKana: null,
    romajiFamily: familyName.toLowerCase(),
    romajiGiven: givenName.toLowerCase(),
  };
}

/** Mixed into the seed for the return intents' own generator. */
const INTENT_SEED = 0x1e7e47;

/**
 * About four in ten say something about coming back: open now, open from a month (half within the
 * directory's "within 6 months", the rest later), or not now; most of those show it to alumni and
 * employees, some to HR only, a few to nobody. The rest never said (the signup's default).
 */
function chooseIntent(rng: SeededRandom, context: GenerationContext): AlumnusRecord['intentToReturn'] {
  const roll = rng.next();
  const visibilityRoll = rng.next();
  const fromOffset = roll < 0.18 ? rng.int(1, 6) : rng.int(7, 24);
  const contractWork = rng.chance(0.3);
  const referrals = rng.chance(0.5);
  if (roll >= 0.4) return undefined;
  const intent = roll < 0.08 ? 'open-now' : roll < 0.28 ? 'open-from' : 'not-now';
  return {
    intent,
    from: intent === 'open-from' ? formatMonth(context.lastMonth + 1 + fromOffset) : null,
    contractWork,
    referrals,
    visibility: visibilityRoll < 0.65 ? 'alumni' : visibilityRoll < 0.9 ? 'hr' : 'hidden',
  };
}

/** Everything visible to fellow alumni, even the e-mail address. */
const OPEN_VISIBILITY: Visibility = { ...DEFAULT_VISIBILITY, email: 'alumni' };

/** Findable by name and history, but today's whereabouts are for HR only or nobody. */
const RESERVED_VISIBILITY: Visibility = {
  ...DEFAULT_VISIBILITY,
  email: 'hidden',
  currentCompany: 'hr',
  location: 'hidden',
  profileUrl: 'hidden',
};

/**
 * Most people keep the form's default; some open up, some hold back, and about one field in ten
 * is changed by hand, so the directory shows every combination a real one would.
 */
function chooseVisibility(rng: SeededRandom): Visibility {
  const roll = rng.next();
  const preset = roll < 0.6 ? DEFAULT_VISIBILITY : roll < 0.8 ? OPEN_VISIBILITY : RESERVED_VISIBILITY;
  const visibility = { ...preset };
  for (const field of VISIBILITY_FIELDS) {
    if (rng.chance(0.1)) visibility[field] = rng.pick(VISIBILITY_LEVELS);
  }
  return visibility;
}
