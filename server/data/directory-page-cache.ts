import type { DirectoryPage, DirectoryQuery } from './directory.js';

/** How many pages each cache keeps (least recently used out first); 0 turns caching off (tests). */
export const directoryPageCache = { size: 512 };

/**
 * Recent directory pages, per connection (SQLite) or per instance (PostgreSQL). Search-as-you-type
 * and many viewers send the same few queries again and again (every prefix of a popular name, the
 * first page of the unfiltered list), and a page only changes when the index does: every index
 * write sets a new random `directory_index_state.generation` in its own transaction, so a cached
 * page is served only while the generation the request read first is the one it was read under.
 * That holds for writes from other processes on the same database, and a rolled-back write's
 * generation is never seen again. Profiles are written only together with their index entry, so
 * they are covered too. Read the generation before the page: a page read after a write committed
 * and cached under the older generation is newer than its key, never older.
 */
export class DirectoryPageCache {
  private generation: unknown;
  private readonly pages = new Map<string, DirectoryPage>();

  /** The page cached for `query` under `generation`; a new generation empties the cache first. */
  get(generation: unknown, query: DirectoryQuery): DirectoryPage | undefined {
    if (generation !== this.generation) {
      this.generation = generation;
      this.pages.clear();
    }
    if (directoryPageCache.size === 0) return undefined;
    const key = JSON.stringify(query);
    const cached = this.pages.get(key);
    if (cached) {
      // Least recently used goes first: a hit moves to the end.
      this.pages.delete(key);
      this.pages.set(key, cached);
    }
    return cached;
  }

  /** Keeps `page` for `query` under the generation of the last `get`. */
  set(query: DirectoryQuery, page: DirectoryPage): void {
    if (directoryPageCache.size === 0) return;
    if (this.pages.size >= directoryPageCache.size) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(JSON.stringify(query), page);
  }
}
