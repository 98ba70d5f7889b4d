/*
 * The Store on PostgreSQL (server/data/store.ts is the interface): a connection pool, shared by
 * any number of server instances on one database. Nothing is held in this process that another
 * instance would need: idempotency keys and rate-limit windows are rows, uniqueness and
 * concurrency come from constraints, ON CONFLICT, compare-and-set updates and row locks.
 */
import type pg from 'pg';
import { migratePostgres } from '../../db/postgres/migrate.js';
import { createPool } from '../../db/postgres/pool.js';
import type { Store, StoreResources } from '../store.js';
import { alumniData } from './alumni.js';
import { announcementData } from './announcements.js';
import { auditData } from './audit.js';
import { checklistData } from './checklists.js';
import { directoryData, ensureDirectoryIndex } from './directory.js';
import { idempotencyData } from './idempotency.js';
import { mailOutboxData, membershipData } from './membership.js';
import { rateLimitData } from './rate-limits.js';
import { checklistTemplateData, departmentData, employeeData, orgChangeData, settingsData } from './reference.js';
import { hrData } from './hr.js';
import { leaverData } from './leavers.js';
import { returnerData } from './returners.js';
import { seedData } from './seed.js';
import { PoolSql, type Sql } from './sql.js';

export interface PostgresStore extends Store {
  readonly backend: 'postgres';
  /** The pool, for PostgreSQL-only tooling and tests that inspect rows (never for routes). */
  readonly pool: pg.Pool;
}

export interface PostgresStoreOptions {
  /** Apply pending migrations first (under the advisory lock); default true. */
  migrate?: boolean;
  /** Connections this instance may hold; default 10. */
  poolSize?: number;
}

function resources(sql: Sql): StoreResources {
  return {
    alumni: alumniData(sql),
    directory: directoryData(sql),
    returners: returnerData(sql),
    checklists: checklistData(sql),
    announcements: announcementData(sql),
    settings: settingsData(sql),
    departments: departmentData(sql),
    employees: employeeData(sql),
    orgChanges: orgChangeData(sql),
    checklistTemplate: checklistTemplateData(sql),
    hr: hrData(sql),
    leavers: leaverData(sql),
    audit: auditData(sql),
    idempotency: idempotencyData(sql),
    rateLimits: rateLimitData(sql),
    seed: seedData(sql),
    membership: membershipData(sql),
    mailOutbox: mailOutboxData(sql),
  };
}

/** Connects to `url`, migrates (unless told not to) and checks the directory index is current. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = createPool(url, { max: options.poolSize });
  try {
    if (options.migrate !== false) await migratePostgres(pool);
    const sql = new PoolSql(pool);
    await ensureDirectoryIndex(sql);
    return postgresStore(pool, sql);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

function postgresStore(pool: pg.Pool, sql: PoolSql): PostgresStore {
  let closed = false;
  return {
    ...resources(sql),
    backend: 'postgres',
    pool,
    transaction<T>(work: (tx: StoreResources) => Promise<T>): Promise<T> {
      return sql.atomic(async (tx) => {
        let open = true;
        const guarded = new TransactionSqlGuard(tx, () => open);
        try {
          return await work(resources(guarded));
        } finally {
          open = false;
        }
      });
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** The transaction's statements, refused once the transaction is over (a `tx` kept too long). */
class TransactionSqlGuard implements Sql {
  constructor(
    private readonly inner: Sql,
    private readonly isOpen: () => boolean,
  ) {}
  private check(): void {
    if (!this.isOpen()) throw new Error('This transaction is over: use the store, not its tx.');
  }
  async query<R extends object>(text: string, values?: readonly unknown[]) {
    this.check();
    return this.inner.query<R>(text, values);
  }
  async first<R extends object>(text: string, values?: readonly unknown[]) {
    this.check();
    return this.inner.first<R>(text, values);
  }
  async arrays(text: string, values?: readonly unknown[]) {
    this.check();
    return this.inner.arrays(text, values);
  }
  async run(text: string, values?: readonly unknown[]) {
    this.check();
    return this.inner.run(text, values);
  }
  atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    this.check();
    return work(this);
  }
}


