import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProgramSettings } from '../../server/schemas/settings.js';
import { TEST_BACKEND, type TestDatabase, freshDatabase } from './backend.js';

const HR = { role: 'hr', sub: 'em_store_test' } as const;

/** The transaction helper's promises, on whichever backend the suite runs. */
describe('store.transaction', () => {
  let database: TestDatabase;
  let original: ProgramSettings;
  before(async () => {
    database = await freshDatabase();
    original = await database.store.settings.read();
  });
  after(() => database.close());

  const named = (en: string): ProgramSettings => ({ ...original, programName: { en, ja: en } });
  const auditCount = async () => (await database.store.audit.list({ action: 'store.test' })).length;

  it('commits what the work wrote when it resolves', async () => {
    const result = await database.store.transaction(async (tx) => {
      await tx.settings.update(named('Committed'), HR);
      await tx.audit.record({ viewer: HR, action: 'store.test', subject: 'commit' });
      return 42;
    });
    assert.equal(result, 42);
    assert.equal((await database.store.settings.read()).programName.en, 'Committed');
    assert.equal(await auditCount(), 1);
  });

  it('rolls back every write when the work throws, and rethrows', async () => {
    await assert.rejects(
      database.store.transaction(async (tx) => {
        await tx.settings.update(named('Rolled back'), HR);
        await tx.audit.record({ viewer: HR, action: 'store.test', subject: 'rollback' });
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    assert.equal((await database.store.settings.read()).programName.en, 'Committed');
    assert.equal(await auditCount(), 1);
  });

  it('keeps a call made outside an open transaction out of it: not rolled back with it, never seeing its writes', async () => {
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const open = database.store.transaction(async (tx) => {
      await tx.settings.update(named('Uncommitted'), HR);
      wrote();
      await paused; // the transaction stays open across other callers' turns
      throw new Error('abandon');
    });
    await written;
    // Outside the transaction, while it is open: its own write and read stand on their own.
    const outside = (async () => {
      await database.store.audit.record({ viewer: HR, action: 'store.test', subject: 'outside' });
      return (await database.store.settings.read()).programName.en;
    })();
    setTimeout(release, 50);
    await assert.rejects(open, /abandon/);
    assert.equal(await outside, 'Committed', 'the open transaction’s write was never visible outside it');
    assert.equal(await auditCount(), 2, 'the outside write survived the rollback');
    assert.equal((await database.store.settings.read()).programName.en, 'Committed');
  });

  it('runs concurrent transactions one after the other without losing a write', async () => {
    const before = await auditCount();
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        database.store.transaction(async (tx) => {
          await tx.audit.record({ viewer: HR, action: 'store.test', subject: `concurrent-${index}` });
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx.audit.record({ viewer: HR, action: 'store.test', subject: `concurrent-${index}-b` });
        }),
      ),
    );
    assert.equal(await auditCount(), before + 20);
  });

  it('refuses the store itself (and a nested transaction) inside a transaction instead of waiting forever (SQLite: one connection)', { skip: TEST_BACKEND !== 'sqlite' }, async () => {
    await database.store.transaction(async (tx) => {
      await assert.rejects(database.store.audit.list(), /use its tx/);
      await assert.rejects(database.store.transaction(async () => {}), /use its tx/);
      await tx.audit.list();
    });
    await database.store.audit.list(); // and after it, the store answers again
  });

  it('refuses a transaction handle used after its work settled', async () => {
    let kept: Parameters<Parameters<typeof database.store.transaction>[0]>[0] | undefined;
    await database.store.transaction(async (tx) => {
      kept = tx;
    });
    await assert.rejects(kept!.audit.record({ viewer: HR, action: 'store.test', subject: 'late' }));
  });
});
