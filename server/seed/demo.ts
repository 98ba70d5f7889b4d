import type { Db } from '../db/open.js';
import { idFromBytes, stableId } from '../ids.js';
import { prepareAlumnusInsert } from '../data/alumni.js';
import { seedAlumni } from './alumni.js';
import { DEPARTMENTS } from './catalog.js';
import { type OrgChange, generateChecklist } from '../domain/checklist-template.js';
import { addDays, isoDay } from './dates.js';
import { ORG_CHANGES } from './org-changes.js';
import {
  ALUMNI_PERSONA,
  ANNOUNCEMENT_APPROVER_ID,
  EMPLOYEES,
  IT_EMPLOYEE,
  featuredAlumnusRecord,
} from './people.js';
import { DEMO_PERSONAS, IT_PERSONA } from './personas.js';
import { RETURNERS, type ReturnerStory } from './returners.js';
import { SeededRandom } from './random.js';

/** The seed of the demo data: the same people and ids on every fresh database. */
const DEMO_SEED = 20250401;
export const DEMO_ALUMNI_COUNT = 300;

/** A database is fresh until it has departments or alumni; only then is it seeded. */
function isDatabaseEmpty(db: Db): boolean {
  const count = (table: 'departments' | 'alumni') =>
    db.prepare<[], number>(`SELECT COUNT(*) FROM ${table}`).pluck().get()!;
  return count('departments') === 0 && count('alumni') === 0;
}

/** Seeds the demo data into an empty database; returns whether it did. */
export function seedIfEmpty(db: Db, options: { now?: Date } = {}): boolean {
  return db
    .transaction(() => {
      if (!isDatabaseEmpty(db)) return false;
      seedDemoData(db, options.now ?? new Date());
      return true;
    })
    .immediate();
}

function seedDemoData(db: Db, now: Date): void {
  const privacyPolicyVersion = db
    .prepare<[], string>("SELECT value FROM settings WHERE key = 'privacy_policy_version'")
    .pluck()
    .get()!;
  const rng = new SeededRandom(DEMO_SEED);

  const insertDepartment = db.prepare(
    'INSERT INTO departments (id, name_en, name_ja, sort) VALUES (?, ?, ?, ?)',
  );
  DEPARTMENTS.forEach((department, index) =>
    insertDepartment.run(department.id, department.name.en, department.name.ja, index + 1),
  );

  const insertEmployee = db.prepare(
    `INSERT INTO employees (id, family_name, given_name, family_name_kana, given_name_kana, email,
       role, department_id, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // No random draws here, so IT (outside EMPLOYEES: see IT_EMPLOYEE) changes nothing else.
  for (const e of [...EMPLOYEES, IT_EMPLOYEE]) {
    insertEmployee.run(
      e.id, e.familyName, e.givenName, e.familyNameKana, e.givenNameKana, e.email, e.role,
      e.departmentId, e.title,
    );
  }

  const insertAlumnus = prepareAlumnusInsert(db);
  const signedUp = (left: string) => ({
    createdAt: new Date(`${left}-15T00:00:00Z`).toISOString(),
    privacyPolicyVersion,
  });
  insertAlumnus(featuredAlumnusRecord(ALUMNI_PERSONA, signedUp(ALUMNI_PERSONA.left)));
  for (const story of RETURNERS) {
    insertAlumnus(featuredAlumnusRecord(story.alumnus, signedUp(story.alumnus.left)));
  }
  seedAlumni(db, DEMO_ALUMNI_COUNT, { seed: DEMO_SEED, now });

  const insertOrgChange = db.prepare(
    `INSERT INTO org_changes (id, effective_date, area, title_en, title_ja, description_en, description_ja)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const change of ORG_CHANGES) {
    insertOrgChange.run(
      change.id, change.effectiveDate, change.area, change.title.en, change.title.ja,
      change.description?.en ?? null, change.description?.ja ?? null,
    );
  }

  for (const story of RETURNERS) seedReturner(db, story, rng, now);
}

const ITEM_TIME_OF_DAY_MS = 9 * 3_600_000; // things get ticked off in the morning

function seedReturner(db: Db, story: ReturnerStory, rng: SeededRandom, now: Date): void {
  const returnDate = addDays(startOfDay(now), story.returnInDays);
  const hired = addDays(returnDate, -45).toISOString();
  db.prepare(
    `INSERT INTO returners (id, alumni_id, return_date, manager_id, new_role, new_team, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(story.id, story.alumnus.id, isoDay(returnDate), story.managerId, story.newRole, story.newTeam, hired);

  const insertItem = db.prepare(
    `INSERT INTO checklist_items (id, returner_id, category_id, title, description, owner,
       due_offset_days, required, done, done_by, done_at, version, sort)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const doneByOwner = {
    returner: story.alumnus.id,
    manager: story.managerId,
    hr: DEMO_PERSONAS.hr,
    it: IT_PERSONA,
  };
  // The same generator as POST /api/v1/returners: the template, plus what changed since they left.
  const drafts = generateChecklist({
    language: story.language,
    leftMonth: story.alumnus.left,
    returnDate: isoDay(returnDate),
    orgChanges: ORG_CHANGES as readonly OrgChange[],
  });
  for (const item of drafts) {
    const due = addDays(returnDate, item.dueOffsetDays);
    // Overdue work is mostly done; a few things get done early. Items from recorded changes take
    // no draws, so the template's items (and everything seeded after) stay as they were.
    const fromChange = item.orgChangeId !== null;
    const done = fromChange ? due.getTime() < now.getTime() : due.getTime() < now.getTime() ? rng.chance(0.85) : rng.chance(0.1);
    const doneAt = new Date(Math.min(due.getTime() + ITEM_TIME_OF_DAY_MS, now.getTime())).toISOString();
    const id = fromChange ? stableId('ci', `${story.id}:${item.orgChangeId}`) : idFromBytes('ci', rng.bytes(16));
    insertItem.run(
      id, story.id, item.categoryId, item.title, item.description, item.owner, item.dueOffsetDays,
      item.required ? 1 : 0, done ? 1 : 0, done ? doneByOwner[item.owner] : null, done ? doneAt : null,
      done ? 2 : 1, item.sort,
    );
  }

  const { announcement } = story;
  const published = announcement.status === 'published';
  const createdAt = addDays(returnDate, -7).getTime();
  const approvedAt = published ? new Date(Math.min(addDays(returnDate, -1).getTime(), now.getTime())) : null;
  db.prepare(
    `INSERT INTO announcements (id, kind, returner_id, status, message, while_away, ask_me_about,
       created_by, created_at, approved_by, approved_at, approval_reason)
     VALUES (?, 'welcome-back', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    announcement.id, story.id, announcement.status, announcement.message, announcement.whileAway,
    JSON.stringify(announcement.askMeAbout), DEMO_PERSONAS.hr,
    new Date(Math.min(createdAt, now.getTime())).toISOString(),
    published ? ANNOUNCEMENT_APPROVER_ID : null, approvedAt?.toISOString() ?? null,
    announcement.approvalReason,
  );

  if (!approvedAt) return;
  const insertReaction = db.prepare(
    'INSERT INTO reactions (announcement_id, viewer_sub, created_at) VALUES (?, ?, ?)',
  );
  const colleagues = [DEMO_PERSONAS.alumni, ...EMPLOYEES.map((employee) => employee.id)];
  for (const viewer of rng.sample(colleagues, rng.int(2, 5))) {
    const reactedAt = approvedAt.getTime() + rng.next() * (now.getTime() - approvedAt.getTime());
    insertReaction.run(announcement.id, viewer, new Date(reactedAt).toISOString());
  }
}

function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
