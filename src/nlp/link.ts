import { lexicons } from './lexicons.js';
import type { ArticleAnalysis, EntityKind, EntityLinks, LinkedEntity } from './types.js';

/**
 * Canonical names across a set of articles: the same organisation or place by its name (any case:
 * "Tass" = "TASS"); the same person when the names share a surname and their given names agree
 * ("Anna Berg" = "Anna K. Berg"), a lone surname or given name joining the one full name that
 * has it ("Okafor" -> "Maria Okafor", "Tan" -> "Tan Mei Ling"). A generational suffix is not a
 * surname ("Ade Bello Jr." has the surname Bello) but tells father and son apart. A lone name only
 * joins a full name some article uses for a person, not one used only as a modifier ("a Mia Rossi
 * handbag"). The canonical is the full name most articles use, the longer on a tie.
 */

interface Cluster {
  kind: EntityKind;
  names: Map<string, Set<number>>;
  occurrences: { article: number; entity: number }[];
  /** Full names of this cluster that some article uses for a person (not only as a modifier). */
  personal: Set<string>;
}

/** Generational suffixes: part of who is meant, not the surname ("Jr.", "Sr.", "III"). */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?,?$/i;
/**
 * Words before a name that, with a common noun right after it, make the name a modifier of that
 * noun ("the Mia Rossi handbag", "two Mia Rossi songs") rather than a mention of the person.
 */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'two', 'three', 'four', 'five', 'several', 'some']);

const tokens = (name: string): string[] => name.split(/\s+/).filter(Boolean);
const suffixOf = (name: string): string => {
  const t = tokens(name);
  const last = t.at(-1) ?? '';
  return t.length > 1 && SUFFIX.test(last) ? last.toLowerCase().replace(/[.,]/g, '') : '';
};
/** The name without its generational suffix. */
const words = (name: string): string[] => {
  const t = tokens(name);
  return suffixOf(name) ? t.slice(0, -1) : t;
};
const isFull = (name: string): boolean => words(name).length > 1;
const surname = (name: string): string => (words(name).at(-1) ?? '').toLowerCase();
const given = (name: string): string => (words(name)[0] ?? '').toLowerCase().replace(/\.$/, '');

/** Two full names of one person: same surname and suffix, and given names equal or one an initial of the other. */
function sameFullName(a: string, b: string): boolean {
  if (surname(a) !== surname(b) || suffixOf(a) !== suffixOf(b)) return false;
  const ga = given(a);
  const gb = given(b);
  return ga === gb || (ga.length === 1 && gb.startsWith(ga)) || (gb.length === 1 && ga.startsWith(gb));
}

function bestName(c: Cluster): string {
  const ranked = [...c.names.entries()].sort(
    (a, b) => Number(isFull(b[0])) - Number(isFull(a[0])) || b[1].size - a[1].size || b[0].length - a[0].length,
  );
  return ranked[0]?.[0] ?? '';
}

/**
 * True when the entity is used for a person somewhere in its article: it speaks, has a title, or has a
 * mention that is not a modifier (a determiner before it and a common noun after it).
 */
function usedForPerson(a: ArticleAnalysis, entity: number): boolean {
  const e = a.entities[entity];
  if (!e) return false;
  if (e.descriptors.length || a.quotes.some((q) => q.speaker === e.canonical)) return true;
  const text = a.article.text;
  const fn = lexicons().functionWords;
  return e.mentions.some((i) => {
    const m = a.mentions[i];
    if (!m) return false;
    const before = /([\p{L}\p{N}$€£.,]+)\s+$/u.exec(text.slice(Math.max(0, m.start - 40), m.start))?.[1] ?? '';
    const after = /^\s+([\p{L}-]+)/u.exec(text.slice(m.end, m.end + 40))?.[1] ?? '';
    const modifier = (DETERMINERS.has(before.toLowerCase()) || /^[$€£]?\d/.test(before)) && /^\p{Ll}/u.test(after) && !fn.has(after);
    return !modifier;
  });
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
  const newCluster = (kind: EntityKind): Cluster => {
    const c: Cluster = { kind, names: new Map(), occurrences: [], personal: new Set() };
    clusters.push(c);
    return c;
  };
  const singles: { name: string; kind: EntityKind; article: number; entity: number }[] = [];
  analyses.forEach((a, article) => {
    a.entities.forEach((e, entity) => {
      if (e.kind !== 'person') {
        const key = `${e.kind}\u0000${e.canonical.toLowerCase()}`;
        let c = byKey.get(key);
        if (!c) {
          c = newCluster(e.kind);
          byKey.set(key, c);
        }
        add(c, e.canonical, article, entity);
        return;
      }
      if (!isFull(e.canonical)) {
        singles.push({ name: e.canonical, kind: e.kind, article, entity });
        return;
      }
      const c = clusters.find((x) => x.kind === 'person' && [...x.names.keys()].some((n) => isFull(n) && sameFullName(n, e.canonical))) ?? newCluster('person');
      add(c, e.canonical, article, entity);
      if (usedForPerson(a, entity)) c.personal.add(e.canonical);
    });
  });
  // A lone name joins the one person cluster with that surname, else the one with that given name,
  // counting only full names used for a person; a suffix ("Bello Jr.") must match the full name's.
  for (const s of singles) {
    const low = surname(s.name);
    const suffix = suffixOf(s.name);
    const persons = clusters.filter((c) => c.kind === 'person');
    const having = (test: (n: string) => boolean): Cluster[] => persons.filter((c) => [...c.personal].some((n) => test(n) && (!suffix || suffixOf(n) === suffix)));
    let matches = having((n) => surname(n) === low);
    if (matches.length !== 1) matches = having((n) => given(n) === low);
    const c = (matches.length === 1 ? matches[0] : persons.find((x) => x.names.has(s.name))) ?? newCluster('person');
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
