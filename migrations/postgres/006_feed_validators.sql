-- Watched feeds' validators (ETag, Last-Modified) from their last full read, so a later `watch`
-- (even `watch --once`, a new process each time) sends conditional requests: the same table as
-- SQLite's migration 5.
CREATE TABLE feed_validators (
  url text PRIMARY KEY,
  etag text,
  last_modified text,
  at timestamptz NOT NULL DEFAULT now()
);
