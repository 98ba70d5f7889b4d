-- HR finds a returner's manager by name (issue 11; SQLite migration 12). Each employee holds the
-- words the search matches (search-text.ts normalization, hr-members.ts hrNameWords) and its sort
-- key, written by the application: NULL until the first search computes them, and again when a
-- name changes (the company's own process may write this table), so a search never reads stale words.
ALTER TABLE employees
  ADD COLUMN search text,
  ADD COLUMN romaji text,
  ADD COLUMN sort_ja text COLLATE "C";
CREATE INDEX employees_unsearchable ON employees (id) WHERE search IS NULL;
CREATE FUNCTION employees_search_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := NULL;
  NEW.romaji := NULL;
  NEW.sort_ja := NULL;
  RETURN NEW;
END
$$;
CREATE TRIGGER employees_search_stale BEFORE UPDATE OF family_name, given_name, family_name_kana, given_name_kana ON employees
  FOR EACH ROW EXECUTE FUNCTION employees_search_stale();
