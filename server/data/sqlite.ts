/*
 * The Store on the embedded SQLite file: today's synchronous better-sqlite3 functions
 * (server/data/*.ts) behind the async interface of server/data/store.ts.
 *
 * One connection, one writer. A method call runs its statements synchronously, so two calls never
 * interleave. What could interleave is an open `transaction()` whose work awaits: any statement
 * run on the connection meanwhile would become part of it (and be rolled back with it). So while
 * a transaction is open, every other call waits in a queue, and transactions run one after the
 * other; a method of the transaction's own `tx` runs at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../db/open.js';
import { openDatabase } from '../db/open.js';
import { alumnusLeftMonth, createReturner, employeeExists, searchEmployeeRows, findReturnerIdForAlumnus, getReturner, listReturners, readOrgChanges } from './returners.js';
import {
  announcementAccess,
  approveAnnouncement,
  createAnnouncement,
  findAnnouncement,
  listAnnouncements,
  returnerExists,
  setReaction,
} from './announcements.js';
import { listAudit, recordAudit } from './audit.js';
import { addItem, categoryExists, readChecklist, readChecklistTemplate, readItem, toggleItem } from './checklist.js';
import { listDepartments } from './departments.js';
import { findDirectoryMember, listDirectory } from './directory.js';
import { sqliteIdempotency } from './idempotency.js';
import { sqliteMailOutbox, sqliteMembership } from './membership.js';
import { memoryRateLimits } from './rate-limits.js';
import { sqliteSeed } from './seed.js';
import { readProgramSettings, writeProgramSettings } from './settings.js';
import { departmentExists, prepareSignup } from './signup.js';
import type { Store, StoreResources } from './store.js';
import { decideMember, hrMemberRecord, hrOverview, exportHrMembers, listHrMembers, replaceChecklistTemplate } from './hr.js';
import { sqliteLeavers } from './leavers.js';

/** Each method of T, synchronous: what the SQLite functions are before the wrapper. */
type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};
type SyncResources = { [R in keyof StoreResources]: Sync<StoreResources[R]> };

export interface SqliteStore extends Store {
  readonly backend: 'sqlite';
  /** The connection, for SQLite-only tooling and tests that inspect rows (never for routes). */
  readonly db: Db;
}

/** Opens (creating and migrating if needed) the SQLite file at `path` as a Store. */
export function openSqliteStore(path: string): SqliteStore {
  return sqliteStore(openDatabase(path));
}

/** The Store over an open, migrated connection; closing the store closes it. */
export function sqliteStore(db: Db): SqliteStore {
  const sync = syncResources(db);
  const queue = new SerialQueue();
  // The transaction the current async context runs in. A call on the store (not the tx) from
  // inside it would wait in the queue for the transaction that waits for it: refused instead.
  const current = new AsyncLocalStorage<{ open: boolean }>();
  const outsideTransactions = (): Error | null =>
    current.getStore()?.open
      ? new Error('Inside store.transaction(), use its tx: the store waits for the transaction to end (no nesting).')
      : null;

  const pingStatement = db.prepare('SELECT 1');

  const store: SqliteStore = {
    ...bind(sync, (call) => {
      const refused = outsideTransactions();
      return refused ? Promise.reject(refused) : queue.run(call);
    }),
    backend: 'sqlite',
    db,
    transaction<T>(work: (tx: StoreResources) => Promise<T>): Promise<T> {
      const refused = outsideTransactions();
      if (refused) return Promise.reject(refused);
      return queue.enqueue(async () => {
        const state = { open: true };
        const tx = bind(sync, (call) => {
          if (!state.open) return Promise.reject(new Error('This transaction is over: use the store, not its tx.'));
          return settle(call);
        });
        // IMMEDIATE takes the write lock now: no other process can write between our reads and
        // writes, and the busy timeout applies here rather than at the first write.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await current.run(state, () => work(tx));
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        } finally {
          state.open = false;
        }
      });
    },
    ping: () =>
      queue.run(() => {
        pingStatement.get();
      }),
    async close() {
      await queue.idle();
      if (db.open) db.close();
    },
  };
  return store;
}

function syncResources(db: Db): SyncResources {
  const signup = prepareSignup(db);
  const idempotency = sqliteIdempotency(db);
  const rateLimits = memoryRateLimits();
  // One read transaction: a directory page and its profiles come from the same snapshot.
  const readDirectory = db.transaction(listDirectory);
  return {
    alumni: {
      signup: (input, context) => signup(input, context),
      leftMonth: (id) => alumnusLeftMonth(db, id),
      findIdByEmail: (email) =>
        db.prepare<[string], string>('SELECT id FROM alumni WHERE email = ?').pluck().get(email.trim().toLowerCase()),
      count: () => db.prepare<[], number>('SELECT COUNT(*) FROM alumni').pluck().get()!,
    },
    directory: {
      list: (query) => readDirectory(db, query),
      find: (audience, id) => findDirectoryMember(db, audience, id),
    },
    returners: {
      get: (id) => getReturner(db, id),
      exists: (id) => returnerExists(db, id),
      findIdForAlumnus: (alumniId) => findReturnerIdForAlumnus(db, alumniId),
      list: (options) => listReturners(db, options),
      create: (input, viewer) => createReturner(db, input, viewer),
    },
    checklists: {
      read: (returner, relation) => readChecklist(db, returner, relation),
      readItem: (returner, itemId) => readItem(db, returner, itemId),
      categoryExists: (id) => categoryExists(db, id),
      toggle: (input) => toggleItem(db, input),
      add: (input) => addItem(db, input),
    },
    announcements: {
      list: (viewer, options) => listAnnouncements(db, viewer, options),
      find: (viewer, id) => findAnnouncement(db, viewer, id),
      access: (id) => announcementAccess(db, id),
      create: (viewer, input) => createAnnouncement(db, viewer, input),
      approve: (viewer, id, input) => approveAnnouncement(db, viewer, id, input),
      setReaction: (viewer, id, reacted) => setReaction(db, viewer, id, reacted),
    },
    settings: {
      read: () => readProgramSettings(db),
      update: (settings, viewer) => writeProgramSettings(db, settings, viewer),
    },
    departments: {
      list: () => listDepartments(db),
      exists: (id) => departmentExists(db, id),
    },
    employees: { exists: (id) => employeeExists(db, id), search: (q, limit) => searchEmployeeRows(db, q, limit) },
    orgChanges: { list: () => readOrgChanges(db) },
    checklistTemplate: {
      list: () => readChecklistTemplate(db),
      replace: (items, viewer, ifMatch) => replaceChecklistTemplate(db, items, viewer, ifMatch),
    },
    hr: {
      // One read transaction: a page's positions and its rows come from one snapshot.
      list: (query) => db.transaction(() => listHrMembers(db, query))(),
      exportPage: (query) => db.transaction(() => exportHrMembers(db, query))(),
      overview: (input) => db.transaction(() => hrOverview(db, input))(),
      record: (id) => hrMemberRecord(db, id),
      decide: (id, decision, viewer, now) => decideMember(db, id, decision, viewer, now),
    },
    leavers: sqliteLeavers(db),
    audit: {
      record: (entry) => recordAudit(db, entry),
      list: (filter) => listAudit(db, filter),
    },
    idempotency,
    rateLimits,
    seed: sqliteSeed(db),
    membership: sqliteMembership(db),
    mailOutbox: sqliteMailOutbox(db),
  };
}

/** The async face of the synchronous resources, each call made through `run`. */
function bind(sync: SyncResources, run: <T>(call: () => T) => Promise<T>): StoreResources {
  const bound: Record<string, Record<string, unknown>> = {};
  for (const [name, resource] of Object.entries(sync)) {
    bound[name] = Object.fromEntries(
      Object.entries(resource as Record<string, (...args: unknown[]) => unknown>).map(([method, fn]) => [
        method,
        (...args: unknown[]) => run(() => fn(...args)),
      ]),
    );
  }
  return bound as unknown as StoreResources;
}

/** A synchronous call as a promise: its value, or its exception as a rejection. */
function settle<T>(call: () => T): Promise<T> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Runs calls one at a time in arrival order once anything is queued; when nothing is (the usual
 * case), a synchronous call runs at once without a trip through the microtask queue.
 */
class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  run<T>(call: () => T): Promise<T> {
    if (this.pending === 0) return settle(call);
    return this.enqueue(async () => call());
  }

  enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => void this.pending--,
      () => void this.pending--,
    );
    return result;
  }

  idle(): Promise<void> {
    return this.tail;
  }
}
