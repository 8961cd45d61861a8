-- The clustering window in tables (docs/scale.md, "the window in indexed tables"): the open stories
-- (size, time span, creation order and centroid), the candidate index (term -> story) and the
-- clusterer's counters, kept by the commit that stores an article and by revisions, in their
-- transaction, from the delta the deciding process sends (src/cluster/window-journal.ts). A process can
-- then look candidates up per article (src/store/postgres/window.ts) instead of holding them.
-- window_head.log_seq is the log seq the tables reflect; `valid` is false when some commit came without
-- a delta (a store written before this migration, or an older process), and then nothing may read them.
CREATE TABLE window_head (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  seq bigint NOT NULL DEFAULT 0,
  latest double precision,
  log_seq bigint NOT NULL DEFAULT 0,
  valid boolean NOT NULL DEFAULT true
);
INSERT INTO window_head (valid) SELECT NOT EXISTS (SELECT 1 FROM article_keys);

-- centroid: [term, weight] pairs in the clusterer's order (sums are taken in it); jsonb keeps every
-- double exactly (shortest round-trip text, parsed back to the same value).
CREATE TABLE window_stories (
  story text PRIMARY KEY,
  n integer NOT NULL,
  min_time double precision,
  max_time double precision,
  created_seq bigint NOT NULL,
  centroid jsonb NOT NULL
);
CREATE INDEX window_stories_max_time ON window_stories (max_time);

-- Pairs of stories merged away or forgotten stay until the next sweep, as in memory: a lookup joins
-- window_stories, so they are never candidates.
CREATE TABLE window_terms (
  term text NOT NULL,
  story text NOT NULL,
  PRIMARY KEY (term, story)
);
CREATE INDEX window_terms_story ON window_terms (story);

-- Applies one delta: the sweep first (against the stories as they were before this decision, which
-- is when the clusterer swept), then the stories changed and gone, then the index pairs added.
CREATE FUNCTION window_apply(d jsonb, p_log_seq bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  horizon double precision := (d->>'sweepBefore')::double precision;
BEGIN
  IF horizon IS NOT NULL THEN
    DELETE FROM window_terms t WHERE NOT EXISTS (SELECT 1 FROM window_stories s WHERE s.story = t.story)
      OR t.story IN (SELECT story FROM window_stories WHERE max_time < horizon);
  END IF;
  DELETE FROM window_stories WHERE story IN (SELECT jsonb_array_elements_text(d->'gone'));
  INSERT INTO window_stories (story, n, min_time, max_time, created_seq, centroid)
    SELECT x.id, x.size, x."minTime", x."maxTime", x."createdSeq", x.centroid
    FROM jsonb_to_recordset(d->'stories') AS x(id text, size integer, "minTime" double precision, "maxTime" double precision, "createdSeq" bigint, centroid jsonb)
    ORDER BY x.id
    ON CONFLICT (story) DO UPDATE SET n = excluded.n, min_time = excluded.min_time, max_time = excluded.max_time,
      created_seq = excluded.created_seq, centroid = excluded.centroid;
  INSERT INTO window_terms (term, story)
    SELECT e->>0, e->>1 FROM jsonb_array_elements(d->'index') AS e ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
  UPDATE window_head SET seq = (d->>'seq')::bigint, latest = (d->>'latest')::double precision, log_seq = p_log_seq;
END
$$;

-- commit_article as in migration 005, with the window delta as its last argument (NULL: the tables
-- no longer follow the log, so they are marked invalid).
DROP FUNCTION commit_article(bigint, date, text, text, integer, boolean, text, text, text, text, text, text, text, text[], text, text, text, text[], text[]);
CREATE FUNCTION commit_article(
  expected bigint, p_month date, p_id text, p_url_key text, p_version integer, p_current boolean,
  p_story text, p_near text, p_at text, p_outlet text, p_published text, p_article text,
  p_vector text, p_terms text[], p_minhash text, p_new_title text, p_supersedes text,
  p_merge_into text[], p_merge_from text[], p_window jsonb
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
  IF p_window IS NULL THEN
    UPDATE window_head SET valid = false WHERE valid;
  ELSE
    PERFORM window_apply(p_window, s);
  END IF;
  RETURN s;
END
$$;
