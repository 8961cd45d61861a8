-- The corpus log (see docs/architecture.md, "Corpus mode: the log"), as in the SQLite backend.
-- Never edit a migration that shipped: add the next file. Applied in name order under an advisory lock.

-- One row: the last seq of the log. Writers take it with an UPDATE that checks the seq they decided on
-- (optimistic concurrency on the log head, docs/decisions.md).
CREATE TABLE log_head (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  last_seq bigint NOT NULL
);
INSERT INTO log_head (one, last_seq) VALUES (true, 0);

-- Content ids are unique across the whole store; a partitioned table can only enforce uniqueness on
-- keys that include the partition key, so this small table does (and finds an article's partition).
CREATE TABLE article_keys (
  id text PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  month date NOT NULL
);

-- Articles, partitioned by the month they were ingested: an old month can be detached
-- (ALTER TABLE articles DETACH PARTITION articles_2026_01) and archived or dropped.
CREATE TABLE articles (
  seq bigint NOT NULL,
  month date NOT NULL,
  id text NOT NULL,
  url_key text NOT NULL,
  version integer NOT NULL,
  current boolean NOT NULL,
  story_id text NOT NULL,
  first_story text NOT NULL,
  near_duplicate_of text,
  ingested_at text NOT NULL,
  outlet text,
  published text,
  -- JSON as text, not jsonb: written and read whole, and jsonb refuses the NUL characters a text may hold.
  article text NOT NULL,
  vector text NOT NULL,
  terms text NOT NULL,
  minhash text NOT NULL,
  PRIMARY KEY (month, seq)
) PARTITION BY RANGE (month);
-- Rows of a month with no partition yet land here (partitions are created ahead, see partitions.ts).
CREATE TABLE articles_default PARTITION OF articles DEFAULT;
CREATE INDEX articles_seq ON articles (seq);
CREATE INDEX articles_id ON articles (id);
CREATE INDEX articles_url ON articles (url_key, version);
CREATE INDEX articles_story ON articles (story_id, current, seq);

CREATE TABLE stories (
  id text PRIMARY KEY,
  title text NOT NULL,
  merged_into text,
  version integer NOT NULL DEFAULT 0,
  updated_at text NOT NULL,
  conflicts integer,
  conflicts_version integer NOT NULL DEFAULT -1
);
CREATE INDEX stories_updated ON stories (merged_into, updated_at);

CREATE TABLE story_events (
  seq bigserial PRIMARY KEY,
  kind text NOT NULL,
  story text NOT NULL,
  other text,
  article text NOT NULL,
  article_seq bigint NOT NULL,
  at text NOT NULL
);
CREATE INDEX story_events_story ON story_events (story);
CREATE INDEX story_events_other ON story_events (other);
CREATE INDEX story_events_article ON story_events (article_seq);

CREATE TABLE revisions (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  body text NOT NULL
);
