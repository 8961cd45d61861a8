-- One article's commit as one statement (src/store/postgres/store.ts calls it): the log head check,
-- the article and its key, the story rows and events, merges and the document frequencies, which
-- were about 12 round trips from the process while it held the writer lock. Tables resolve through
-- the caller's search_path (each store's schema). A refused seq check raises SQLSTATE CC409 with the
-- log's actual last seq as the message, which the store turns into StoreConflictError.
CREATE FUNCTION commit_article(
  expected bigint, p_month date, p_id text, p_url_key text, p_version integer, p_current boolean,
  p_story text, p_near text, p_at text, p_outlet text, p_published text, p_article text,
  p_vector text, p_terms text[], p_minhash text, p_new_title text, p_supersedes text,
  p_merge_into text[], p_merge_from text[]
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  s bigint;
BEGIN
  UPDATE log_head SET last_seq = last_seq + 1, docs = docs + 1 WHERE last_seq = expected RETURNING last_seq INTO s;
  IF s IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'CC409', MESSAGE = (SELECT last_seq FROM log_head)::text;
  END IF;
  INSERT INTO article_keys (id, seq, month) VALUES (p_id, s, p_month);
  IF p_new_title IS NOT NULL THEN
    INSERT INTO stories (id, title, updated_at) VALUES (p_story, p_new_title, p_at);
    INSERT INTO story_events (kind, story, other, article, article_seq, at) VALUES ('created', p_story, NULL, p_id, s, p_at);
  ELSE
    INSERT INTO story_events (kind, story, other, article, article_seq, at) VALUES ('joined', p_story, NULL, p_id, s, p_at);
  END IF;
  IF p_supersedes IS NOT NULL THEN
    UPDATE articles SET current = false WHERE id = p_supersedes;
    INSERT INTO story_events (kind, story, other, article, article_seq, at) VALUES ('version', p_story, NULL, p_id, s, p_at);
  END IF;
  INSERT INTO articles (seq, month, id, url_key, version, current, story_id, first_story, near_duplicate_of, ingested_at, outlet, published, article, vector, terms, minhash)
    VALUES (s, p_month, p_id, p_url_key, p_version, p_current, p_story, p_story, p_near, p_at, p_outlet, p_published, p_article, p_vector, array_to_string(p_terms, E'\n'), p_minhash);
  -- Sorted, so two commits (the writer lock lost to a cut connection) take the row locks in one order.
  INSERT INTO term_df (term, df) SELECT t, count(*) FROM unnest(p_terms) AS t GROUP BY t ORDER BY t
    ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df;
  UPDATE stories SET version = version + 1, updated_at = p_at WHERE id = p_story;
  FOR i IN 1 .. coalesce(array_length(p_merge_into, 1), 0) LOOP
    UPDATE articles SET story_id = p_merge_into[i] WHERE story_id = p_merge_from[i];
    UPDATE stories SET merged_into = p_merge_into[i] WHERE id = p_merge_from[i];
    UPDATE stories SET version = version + 1, updated_at = p_at WHERE id = p_merge_into[i];
    INSERT INTO story_events (kind, story, other, article, article_seq, at) VALUES ('merged', p_merge_into[i], p_merge_from[i], p_id, s, p_at);
  END LOOP;
  RETURN s;
END
$$;
