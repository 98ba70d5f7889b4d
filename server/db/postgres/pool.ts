import pg from 'pg';

/**
 * A connection pool for `url`, with the conversions the data code relies on: bigint (COUNT(*),
 * identity columns) as a JavaScript number, since no count or id here comes near 2^53.
 */
export function createPool(url: string, options: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its connection (the server restarted) emits 'error' on the pool;
  // unhandled, that would end the process. The next query gets a fresh connection.
  pool.on('error', (error) => console.error('PostgreSQL: an idle connection failed:', error.message));
  return pool;
}
