-- Stage workers (src/pipeline): one row per input going through fetch, extract, analyze and assign.
-- The queue (Redis) carries only ids; what each stage produced lives here, so losing Redis loses nothing:
-- the sweeper re-enqueues every row whose stage is unfinished past a deadline.
CREATE TABLE pipeline_items (
  id text PRIMARY KEY,              -- 'url-' + hash of the URL for fetched inputs, else the article's content id
  stage text NOT NULL,              -- the next stage to run (fetch, extract, analyze, assign), or done, failed
  origin text NOT NULL,
  url text,
  raw bytea,                        -- fetch: the page as received
  content_type text,
  article_id text,                  -- extract: the article's content id
  article text,                     -- extract: the Article as JSON
  analysis text,                    -- analyze: the ArticleAnalysis as JSON
  story_id text,                    -- assign: the story it joined
  attempts integer NOT NULL DEFAULT 0,
  failed_stage text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pipeline_unfinished ON pipeline_items (updated_at) WHERE stage NOT IN ('done', 'failed');
CREATE INDEX pipeline_stage ON pipeline_items (stage, updated_at);
CREATE INDEX pipeline_article ON pipeline_items (article_id);

-- Dossiers shared by every API server and written by the dossier stage: a row is valid for the story
-- version it was built on, so a story that changed (a new version) is a miss: that is the invalidation.
CREATE TABLE story_dossiers (
  story_id text PRIMARY KEY,
  version integer NOT NULL,
  body text NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);
