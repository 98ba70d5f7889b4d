import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { MIGRATIONS } from '../../server/db/migrations.js';

/**
 * Released migrations, frozen: the SHA-256 of each one's SQL as databases in the field ran it. A
 * database records only a migration's number, so an edited released migration would silently
 * never run on existing databases while new ones get something else. Change the schema by
 * appending a migration, and add its checksum here when it is released (committed).
 */
const RELEASED: readonly string[] = [
  'cb38764fc16210e8d1884f0fa0831e5dafd4106604b3ad886ee64bebeb726038', // 1: the schema
  '7765fe18dc63f5922ae778cc37fd5be9ba3c3cd66ed013da4c88f49e8912f055', // 2: directory index (triggers)
  '74089135ef0e840e8156c9901ab41a1a472bc66caa56618c10f82bc8ea851d6e', // 3: directory entries by rowid
  'da687ca7d0ebaa23f0a693f8684649e640bb4096a3a40587f04106c01af582c4', // 4: checklist template, replay headers
  '49f9508b1d93939ed77553d946be1c818a6166bb001e28f64524a8f1dc8e3e10', // 5: directory index kept by the application
  'c214c15dc23042d64ce94348ee93b8a7f5c5cf0c4b126f0695b918f73109b60a', // 6: membership (pending, link tokens, outbox)
  '5613b25816af68b13a0176d654a0b78144e201e16cda0ef9e3ddc39837926705', // 7: the HR console's member index
  '4c2064ac273b9b10fbae1a884e51bae8beb020d44cdc62f46eb1aefcc9cd7b5c', // 8: directory index generation
  '64ba1328d310a94ab331b23f1c788ef0aec15dcfc0b5b1bf4310895e3e673826', // 9: HR approval, the leaver list, HR search text
  '2baf0030895dca6378b16b03613e6f071ac186dd4073ac2f0be2653b4b99aa3a', // 10: the HR overview's covering index
  'd6db11f9d0cfc75ce6a2b7a5043e4ce5c20d6a588b44b2cf8aa8e79817c964ed', // 11: the directory's return intent filter
];

describe('released migrations', () => {
  it('are all still there, in order', () => {
    assert.ok(MIGRATIONS.length >= RELEASED.length, `${MIGRATIONS.length} migrations, ${RELEASED.length} released`);
  });

  RELEASED.forEach((checksum, index) => {
    it(`migration ${index + 1} is byte for byte what was released`, () => {
      const actual = createHash('sha256').update(MIGRATIONS[index]!).digest('hex');
      assert.equal(actual, checksum, `migration ${index + 1} was edited: append a new migration instead`);
    });
  });
});
