import type pg from 'pg';

/**
 * Dossiers shared by every API server (table story_dossiers): the dossier stage writes them, servers
 * read them. A row holds the story version it was built on; a story that changed has a new version,
 * so its old row is a miss until rebuilt: invalidation needs no message.
 */
export class SharedDossiers {
  constructor(private readonly pool: pg.Pool) {}

  async get(storyId: string, version: number): Promise<string | null> {
    const r = await this.pool.query<{ body: string }>('SELECT body FROM story_dossiers WHERE story_id = $1 AND version = $2', [storyId, version]);
    return r.rows[0]?.body ?? null;
  }

  async has(storyId: string, version: number): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM story_dossiers WHERE story_id = $1 AND version >= $2', [storyId, version])).rowCount === 1;
  }

  /** Keeps the newest version: a slow build of an old version never overwrites a newer one. */
  async put(storyId: string, version: number, body: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO story_dossiers (story_id, version, body) VALUES ($1, $2, $3)
       ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, body = excluded.body, built_at = now() WHERE story_dossiers.version < excluded.version`,
      [storyId, version, body],
    );
  }
}
