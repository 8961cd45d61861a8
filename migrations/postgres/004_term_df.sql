-- Document frequencies of the clustering's feature terms, kept by the commit that stores an article
-- (same transaction), so a process reads the few it needs per article instead of holding (and
-- checkpointing) every term ever seen: the table grows with the history, a process does not.
-- log_head.docs counts the articles the frequencies cover (every stored version, as a replay counts).
-- fillfactor 70: each commit increments a few hundred rows; free space on the page lets PostgreSQL
-- update them in place (HOT, the key is never changed) instead of writing a new index entry each time.
CREATE TABLE term_df (
  term text PRIMARY KEY,
  df bigint NOT NULL
) WITH (fillfactor = 70);
ALTER TABLE log_head ADD COLUMN docs bigint NOT NULL DEFAULT 0;

-- A store written before this migration: count what it holds (terms are stored newline-joined).
INSERT INTO term_df (term, df)
  SELECT t, count(*) FROM articles, unnest(string_to_array(terms, E'\n')) AS t GROUP BY t;
UPDATE log_head SET docs = (SELECT count(*) FROM articles);
