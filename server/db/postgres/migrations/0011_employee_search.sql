-- HR finds a returner's manager by name (issue 11; SQLite migration 12). Each employee holds the
-- words the search matches (search-text.ts normalization, hr-members.ts hrNameWords), its sort key,
-- and the names they were computed from, written by the application (no trigger): a row whose names
-- differ from search_source (new, or renamed by the company's own process) is computed again before
-- a search reads it (server/data/rows/employees.ts).
ALTER TABLE employees
  ADD COLUMN search text,
  ADD COLUMN romaji text,
  ADD COLUMN sort_ja text COLLATE "C",
  ADD COLUMN search_source text;
