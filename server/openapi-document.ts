import { createApp } from './app.js';
import { openSqliteStore } from './data/sqlite.js';
import { generateOpenApiDocument } from './routes/openapi.js';

/** The committed contract's path and exact text (pretty JSON with a trailing newline). */
export const OPENAPI_FILE = new URL('./openapi.json', import.meta.url);

/** The document as the routes define it today; no data or secret is involved. */
export function buildOpenApiDocument() {
  const store = openSqliteStore(':memory:');
  try {
    return generateOpenApiDocument(createApp({ store, jwtSecret: 'unused', corsOrigins: [] }));
  } finally {
    void store.close();
  }
}

export function serializeOpenApiDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
