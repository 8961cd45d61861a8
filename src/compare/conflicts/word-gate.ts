/**
 * Regexes built only when a text may hold what they need. A lexicon regex (hundreds of phrases,
 * Unicode classes) costs far more to build and compile than the story spends running it, and most
 * stories hold none of its phrases. Each regex here names, for each part it cannot match without,
 * the phrases of that part: a text that holds no key word of any phrase of some part (see keyWords)
 * cannot match, and the regex is not built for it.
 */
export interface GatedRegex {
  source: string;
  flags: string;
  /** One list per needed part: the key words of its phrases, or null when some phrase has none (no test). */
  needs: (string[] | null)[];
  re: RegExp | null;
}

/**
 * The key word of each phrase: its longest word of plain ASCII letters, lower-cased; null when
 * some phrase has no such word. A phrase's regex can only match where its key word shows in the
 * folded text (foldText), whatever the case flag and whatever joins the words (spaces, hyphens).
 */
export function keyWords(phrases: Iterable<string>): string[] | null {
  const keys = new Set<string>();
  for (const p of phrases) {
    const key = p.toLowerCase().split(/[\s-]+/).filter((w) => /^[a-z]+$/.test(w)).sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return null;
    keys.add(key);
  }
  return [...keys];
}

/**
 * A text as the word test reads it: lower case, and ſ read as s. In a case-insensitive Unicode
 * regex an ASCII letter matches only itself in either case and, for s and k, ſ and the Kelvin sign
 * (which lowers to k); so every match of a plain ASCII word shows as that word in the folded text.
 */
export function foldText(text: string): string {
  return text.toLowerCase().replace(/\u017f/g, 's');
}

export function gated(source: string, flags: string, needs: Iterable<string>[]): GatedRegex {
  return { source, flags, needs: needs.map(keyWords), re: null };
}

/** True when every needed part has a key word in one of the folded texts. */
export function mayMatch(g: GatedRegex, folded: readonly string[]): boolean {
  return g.needs.every((keys) => !keys || keys.some((k) => folded.some((t) => t.includes(k))));
}

/** The regex, built on first need, or null when none of the folded texts can hold a match. */
export function gatedRegex(g: GatedRegex, folded: readonly string[]): RegExp | null {
  return mayMatch(g, folded) ? (g.re ??= new RegExp(g.source, g.flags)) : null;
}
