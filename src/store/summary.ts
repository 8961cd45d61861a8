import type { ArticleRecord, StorySummary } from './types.js';


/** A story as backends keep it; the summary's counts are derived from its current articles. */
export interface StoryRow {
  id: string;
  title: string;
  mergedInto: string | null;
  version: number;
  updatedAt: string;
  conflicts: number | null;
  conflictsVersion: number;
}

/** What a summary needs of each current article. */
export type SummaryFields = Pick<ArticleRecord['article'], 'outlet' | 'published'>;

export function summarise(s: StoryRow, current: SummaryFields[]): StorySummary {
  const outlets = [...new Set(current.map((r) => r.outlet).filter((o): o is string => !!o))].sort();
  const dates = current
    .map((r) => r.published)
    .filter((d): d is string => !!d)
    .sort();
  return {
    id: s.id,
    title: s.title,
    articleCount: current.length,
    outlets,
    updatedAt: s.updatedAt,
    firstPublished: dates[0] ?? null,
    lastPublished: dates[dates.length - 1] ?? null,
    version: s.version,
    conflicts: s.conflictsVersion === s.version ? s.conflicts : null,
  };
}
