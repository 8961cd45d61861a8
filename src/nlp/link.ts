import type { ArticleAnalysis, EntityKind, EntityLinks, LinkedEntity } from './types.js';

/**
 * Canonical names across a set of articles: the same organisation or place by its name (any case:
 * "Tass" = "TASS"); the same person when the names share a surname and their given names agree
 * ("Anna Berg" = "Anna K. Berg"), a lone surname or given name joining the one full name that
 * has it ("Okafor" -> "Maria Okafor", "Tan" -> "Tan Mei Ling"). The canonical is the full name most
 * articles use, the longer on a tie.
 */

interface Cluster {
  kind: EntityKind;
  names: Map<string, Set<number>>;
  occurrences: { article: number; entity: number }[];
}

const words = (name: string): string[] => name.split(/\s+/).filter(Boolean);
const surname = (name: string): string => (words(name).at(-1) ?? '').toLowerCase();
const given = (name: string): string => (words(name)[0] ?? '').toLowerCase().replace(/\.$/, '');

/** Two full names of one person: same surname, and given names equal or one an initial of the other. */
function sameFullName(a: string, b: string): boolean {
  if (surname(a) !== surname(b)) return false;
  const ga = given(a);
  const gb = given(b);
  return ga === gb || (ga.length === 1 && gb.startsWith(ga)) || (gb.length === 1 && ga.startsWith(gb));
}

function bestName(c: Cluster): string {
  const ranked = [...c.names.entries()].sort(
    (a, b) => Number(b[0].includes(' ')) - Number(a[0].includes(' ')) || b[1].size - a[1].size || b[0].length - a[0].length,
  );
  return ranked[0]?.[0] ?? '';
}

export function linkEntitiesAcrossArticles(analyses: ArticleAnalysis[]): EntityLinks {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const add = (c: Cluster, name: string, article: number, entity: number): void => {
    const set = c.names.get(name) ?? new Set<number>();
    set.add(article);
    c.names.set(name, set);
    c.occurrences.push({ article, entity });
  };
  const singles: { name: string; kind: EntityKind; article: number; entity: number }[] = [];
  analyses.forEach((a, article) => {
    a.entities.forEach((e, entity) => {
      if (e.kind !== 'person') {
        const key = `${e.kind}\u0000${e.canonical.toLowerCase()}`;
        let c = byKey.get(key);
        if (!c) {
          c = { kind: e.kind, names: new Map(), occurrences: [] };
          byKey.set(key, c);
          clusters.push(c);
        }
        add(c, e.canonical, article, entity);
        return;
      }
      if (!e.canonical.includes(' ')) {
        singles.push({ name: e.canonical, kind: e.kind, article, entity });
        return;
      }
      let c = clusters.find((x) => x.kind === 'person' && [...x.names.keys()].some((n) => n.includes(' ') && sameFullName(n, e.canonical)));
      if (!c) {
        c = { kind: 'person', names: new Map(), occurrences: [] };
        clusters.push(c);
      }
      add(c, e.canonical, article, entity);
    });
  });
  // A lone name joins the one person cluster with that surname, else the one with that given name.
  for (const s of singles) {
    const low = s.name.toLowerCase();
    const persons = clusters.filter((c) => c.kind === 'person');
    let matches = persons.filter((c) => [...c.names.keys()].some((n) => n.includes(' ') && surname(n) === low));
    if (matches.length !== 1) matches = persons.filter((c) => [...c.names.keys()].some((n) => n.includes(' ') && given(n) === low));
    let c = matches.length === 1 ? matches[0] : persons.find((x) => x.names.has(s.name));
    if (!c) {
      c = { kind: 'person', names: new Map(), occurrences: [] };
      clusters.push(c);
    }
    add(c, s.name, s.article, s.entity);
  }
  const canonicalByArticle = analyses.map(() => new Map<string, string>());
  const entities: LinkedEntity[] = clusters.map((c) => {
    const canonical = bestName(c);
    for (const o of c.occurrences) {
      const local = analyses[o.article]?.entities[o.entity]?.canonical;
      if (local !== undefined) canonicalByArticle[o.article]?.set(local, canonical);
    }
    return { canonical, kind: c.kind, names: [...c.names.keys()], occurrences: c.occurrences };
  });
  return { entities, canonicalByArticle };
}

/** The cross-article name for an article-level name (a quote's speaker, a mention's canonical). */
export function linkedName(links: EntityLinks, article: number, name: string): string {
  return links.canonicalByArticle[article]?.get(name) ?? name;
}
