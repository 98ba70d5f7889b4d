import type { SeedReaction, Store, StoreResources } from '../data/store.js';
import { idFromBytes, stableId } from '../ids.js';
import { addAlumni } from './alumni.js';
import { DEPARTMENTS } from './catalog.js';
import { type ChecklistTemplateItem, type OrgChange, generateChecklist } from '../domain/checklist-template.js';
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

/** Seeds the demo data into an empty database, in one transaction; returns whether it did. */
export function seedIfEmpty(store: Store, options: { now?: Date } = {}): Promise<boolean> {
  return store.transaction(async (tx) => {
    if (!(await tx.seed.isEmpty())) return false;
    await seedDemoData(tx, options.now ?? new Date());
    return true;
  });
}

async function seedDemoData(tx: StoreResources, now: Date): Promise<void> {
  const privacyPolicyVersion = (await tx.settings.read()).privacyPolicy.version;
  const rng = new SeededRandom(DEMO_SEED);

  await tx.seed.departments(
    DEPARTMENTS.map((department, index) => ({ id: department.id, name: department.name, sort: index + 1 })),
  );
  // No random draws here, so IT (outside EMPLOYEES: see IT_EMPLOYEE) changes nothing else.
  await tx.seed.employees([...EMPLOYEES, IT_EMPLOYEE]);

  const signedUp = (left: string) => ({
    createdAt: new Date(`${left}-15T00:00:00Z`).toISOString(),
    privacyPolicyVersion,
  });
  await tx.seed.alumni([
    featuredAlumnusRecord(ALUMNI_PERSONA, signedUp(ALUMNI_PERSONA.left)),
    ...RETURNERS.map((story) => featuredAlumnusRecord(story.alumnus, signedUp(story.alumnus.left))),
  ]);
  await addAlumni(tx, DEMO_ALUMNI_COUNT, { seed: DEMO_SEED, now });

  await tx.seed.orgChanges(ORG_CHANGES as readonly OrgChange[]);
  const template = await tx.checklistTemplate.list();
  for (const story of RETURNERS) await seedReturner(tx, story, rng, now, template);
}

const ITEM_TIME_OF_DAY_MS = 9 * 3_600_000; // things get ticked off in the morning

async function seedReturner(
  tx: StoreResources,
  story: ReturnerStory,
  rng: SeededRandom,
  now: Date,
  template: readonly ChecklistTemplateItem[],
): Promise<void> {
  const returnDate = addDays(startOfDay(now), story.returnInDays);
  const hired = addDays(returnDate, -45).toISOString();
  await tx.seed.returners([
    {
      id: story.id,
      alumniId: story.alumnus.id,
      returnDate: isoDay(returnDate),
      managerId: story.managerId,
      newRole: story.newRole,
      newTeam: story.newTeam,
      createdAt: hired,
    },
  ]);

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
    template,
  });
  await tx.seed.checklistItems(
    drafts.map((item) => {
      const due = addDays(returnDate, item.dueOffsetDays);
      // Overdue work is mostly done; a few things get done early. Items from recorded changes take
      // no draws, so the template's items (and everything seeded after) stay as they were.
      const fromChange = item.orgChangeId !== null;
      const done = fromChange ? due.getTime() < now.getTime() : due.getTime() < now.getTime() ? rng.chance(0.85) : rng.chance(0.1);
      const doneAt = new Date(Math.min(due.getTime() + ITEM_TIME_OF_DAY_MS, now.getTime())).toISOString();
      const id = fromChange ? stableId('ci', `${story.id}:${item.orgChangeId}`) : idFromBytes('ci', rng.bytes(16));
      return {
        id,
        returnerId: story.id,
        categoryId: item.categoryId,
        title: item.title,
        description: item.description,
        owner: item.owner,
        dueOffsetDays: item.dueOffsetDays,
        required: item.required,
        done,
        doneBy: done ? doneByOwner[item.owner] : null,
        doneAt: done ? doneAt : null,
        version: done ? 2 : 1,
        sort: item.sort,
      };
    }),
  );

  const { announcement } = story;
  const published = announcement.status === 'published';
  const createdAt = addDays(returnDate, -7).getTime();
  const approvedAt = published ? new Date(Math.min(addDays(returnDate, -1).getTime(), now.getTime())) : null;
  await tx.seed.announcements([
    {
      id: announcement.id,
      kind: 'welcome-back',
      returnerId: story.id,
      status: announcement.status,
      message: announcement.message,
      whileAway: announcement.whileAway,
      askMeAbout: announcement.askMeAbout,
      createdBy: DEMO_PERSONAS.hr,
      createdAt: new Date(Math.min(createdAt, now.getTime())).toISOString(),
      approvedBy: published ? ANNOUNCEMENT_APPROVER_ID : null,
      approvedAt: approvedAt?.toISOString() ?? null,
      approvalReason: announcement.approvalReason,
    },
  ]);

  if (!approvedAt) return;
  const colleagues = [DEMO_PERSONAS.alumni, ...EMPLOYEES.map((employee) => employee.id)];
  const reactions: SeedReaction[] = rng.sample(colleagues, rng.int(2, 5)).map((viewer) => {
    const reactedAt = approvedAt.getTime() + rng.next() * (now.getTime() - approvedAt.getTime());
    return { announcementId: announcement.id, viewerSub: viewer, createdAt: new Date(reactedAt).toISOString() };
  });
  await tx.seed.reactions(reactions);
}

function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
