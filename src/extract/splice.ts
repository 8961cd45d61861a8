import type { BoilerplateSpan } from '../model/article.js';
import type { Paragraph } from './story-terms.js';

// A headline or teaser pasted into the middle of a word ("...fire crews ba<Another Headline Here>ttled
// the blaze"): the insertion opens with a capital glued to a lower-case letter inside a token, and
// closes inside a later token whose end, put back after the opening letters, makes a known word
// again. Only then is the stretch marked, so names such as "McDonald" or "iPhone" are never touched.

/** An insertion is a headline: a few words at least (fewer could be a typo), at most a long one. */
const MIN_INSERTED_WORDS = 3;
const MAX_INSERTED_WORDS = 40;
/** The rejoined word is a real word of at least this length (short joins happen by chance). */
const MIN_JOINED_LETTERS = 4;

/** Lower-case letters glued to a capitalised word inside one token: where an insertion may open. */
const OPENING = /(\p{Ll}+)(\p{Lu}\p{Ll})/u;
const TOKEN = /\S+/gu;

/** Where in `token` an insertion that opened after `prefix` closes: the offset after its last word. */
function closing(token: string, prefix: string, vocabulary: ReadonlySet<string>): number | null {
  // The insertion's last word may be capitalised (a headline); the rest of the cut word is lower case.
  const letters = /^\p{L}+/u.exec(token)?.[0] ?? '';
  for (let i = letters.length - 1; i >= 1; i--) {
    const before = letters.slice(0, i).toLowerCase();
    const after = letters.slice(i);
    if (!/^\p{Ll}+$/u.test(after)) break;
    const joined = prefix + after;
    if (joined.length >= MIN_JOINED_LETTERS && vocabulary.has(joined) && vocabulary.has(before) && !vocabulary.has(after)) return i;
  }
  return null;
}

/** Marks of headlines spliced into a word, in one paragraph of `text`. */
export function splicedInsertions(text: string, paragraph: Paragraph, vocabulary: ReadonlySet<string>): BoilerplateSpan[] {
  const line = text.slice(paragraph.start, paragraph.end);
  const tokens = [...line.matchAll(TOKEN)];
  const out: BoilerplateSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const open = tok ? OPENING.exec(tok[0]) : null;
    if (!tok || !open || open.index !== 0 || !open[1]) continue;
    const prefix = open[1].toLowerCase();
    for (let j = i + MIN_INSERTED_WORDS - 1; j < tokens.length && j - i < MAX_INSERTED_WORDS; j++) {
      const close = tokens[j];
      const at = close ? closing(close[0], prefix, vocabulary) : null;
      if (!close || at === null) continue;
      const start = paragraph.start + (tok.index ?? 0) + open[1].length;
      out.push({ start, end: paragraph.start + (close.index ?? 0) + at, reason: 'spliced insertion (a headline inside a word)' });
      i = j;
      break;
    }
  }
  return out;
}
