import type pg from 'pg';

/**
 * What every PostgreSQL resource runs its statements on: the pool (each statement on any free
 * connection, autocommit) or one connection inside a transaction. `atomic` runs a multi-statement
 * operation in a transaction: its own when called on the pool, the surrounding one otherwise, so
 * a method like `signup` is atomic alone and also composes inside `store.transaction`.
 */
export interface Sql {
  query<R extends object = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** The first row, or undefined. */
  first<R extends object = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<R | undefined>;
  /** Rows as arrays of the selected values, in select-list order (pg's `rowMode: 'array'`): no keyed object per row. */
  arrays(text: string, values?: readonly unknown[]): Promise<unknown[][]>;
  /** The number of rows the statement changed. */
  run(text: string, values?: readonly unknown[]): Promise<number>;
  atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

abstract class BaseSql implements Sql {
  protected abstract target(): pg.Pool | pg.PoolClient;
  abstract atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T>;

  async query<R extends object>(text: string, values?: readonly unknown[]): Promise<R[]> {
    const result = await this.target().query<R>(text, values as unknown[] | undefined);
    return result.rows;
  }

  async first<R extends object>(text: string, values?: readonly unknown[]): Promise<R | undefined> {
    return (await this.query<R>(text, values))[0];
  }

  async arrays(text: string, values?: readonly unknown[]): Promise<unknown[][]> {
    const result = await this.target().query<unknown[]>({ text, values: values as unknown[] | undefined, rowMode: 'array' });
    return result.rows;
  }

  async run(text: string, values?: readonly unknown[]): Promise<number> {
    const result = await this.target().query(text, values as unknown[] | undefined);
    return result.rowCount ?? 0;
  }
}

/** Statements on one connection that is inside a transaction. */
export class TransactionSql extends BaseSql {
  constructor(private readonly client: pg.PoolClient) {
    super();
  }
  protected target() {
    return this.client;
  }
  atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return work(this);
  }
}

/** SQLSTATEs after which the whole transaction is safe to run again. */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
const MAX_ATTEMPTS = 5;

export class PoolSql extends BaseSql {
  constructor(private readonly pool: pg.Pool) {
    super();
  }
  protected target() {
    return this.pool;
  }

  /**
   * BEGIN … COMMIT on one connection, ROLLBACK when `work` throws. READ COMMITTED (the default):
   * the operations here rely on constraints, ON CONFLICT, compare-and-set updates and row locks,
   * not on snapshot isolation. A deadlock or serialization failure reruns the transaction.
   */
  async atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      // A checked-out client has none of the pool's listeners: a connection the server ends
      // mid-transaction (a restart, a dropped database) would emit 'error' to nobody and end the
      // process. The query in flight rejects all the same; the client is then not reused.
      let broken = false;
      const onConnectionError = () => (broken = true);
      client.on('error', onConnectionError);
      try {
        await client.query('BEGIN');
        const result = await work(new TransactionSql(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection itself failed: do not return it to the pool
        }
        const code = (error as { code?: string }).code;
        if (attempt < MAX_ATTEMPTS && code !== undefined && RETRYABLE.has(code)) continue;
        throw error;
      } finally {
        client.off('error', onConnectionError);
        client.release(broken);
      }
    }
  }
}

/** `$1, $2, …` placeholders for `count` values starting at `from`. */
export function placeholders(count: number, from = 1): string {
  return Array.from({ length: count }, (_, index) => `$${from + index}`).join(', ');
}
