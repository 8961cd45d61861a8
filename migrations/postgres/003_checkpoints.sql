-- Clustering checkpoints (src/store/checkpoint.ts): the clustering state at one log seq, so a process
-- joining the store loads the latest and replays only the log after it, instead of the whole log.
-- Written every CHECKPOINT_EVERY seqs by whichever assigner commits that seq; the latest two are kept.
-- Stored out of line uncompressed: mostly float64 weights, which compress little, so compressing costs
-- CPU on every write for no space.
CREATE TABLE cluster_checkpoints (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  body bytea NOT NULL
);
ALTER TABLE cluster_checkpoints ALTER COLUMN body SET STORAGE EXTERNAL;
