import { lexicons } from '../../lexicons.js';
import type { Token } from '../../tokens.js';
import type { Sentence } from '../../types.js';
import { contentSpan, type IndirectPass } from './context.js';
import { titleSubject } from './07-title-case.js';

/**
 * "Varga: Flowers Won't Be at Debate.", "Poll: Lind and Varga in Dead Heat.", "MAREK: If I
 * may, sir, ...": a sentence opened by a short capitalised label and a colon gives the label's
 * words to the one it names, the way titles and transcripts do. A place is a dateline, not a source.
 */

/** A label is at most this many words ("Rush Limbaugh", "Former Gov. Ana Roth"). */
const LABEL_MAX_WORDS = 4;

/**
 * Labels of a news page's furniture, not sources: "Correction:", "Video:", "The Latest:". One
 * letter ("Q:", "A:") is an interview's turn, whose speaker the letter does not name.
 */
const NOT_A_SOURCE = new Set(['correction', 'correction appended', 'corrections', 'update', 'updated', 'video', 'photo', 'photos', 'watch', 'warning', 'breaking', 'breaking news', 'the latest', 'related', "editor's note", 'editor’s note', 'contributing', 'read more', 'see also', 'note', 'source', 'sources', 'revealed']);

/** Does the sentence open with a label and a colon (a cheap test before any tokens are read)? */
export function opensWithLabel(text: string, s: Sentence): boolean {
  const colon = text.indexOf(':', s.start);
  return colon > s.start && colon - s.start <= 40 && colon < s.end && /^\s/.test(text.charAt(colon + 1));
}

export const colonLabel: IndirectPass = {
  name: 'indirect:colon-label',
  find(c, { sentence: s, toks }) {
    if (!opensWithLabel(c.text, s)) return [];
    const colon = c.text.indexOf(':', s.start);
    const k = toks.findIndex((t) => t.start > colon);
    const label = toks.slice(0, k);
    const first = label[0];
    if (k < 1 || k > LABEL_MAX_WORDS || !label.every((t: Token) => t.cap) || !first || /["“”]/.test(c.text.slice(s.start, first.start))) return [];
    const words = c.text.slice(first.start, (label[k - 1] as Token).end);
    const dateline = lexicons().places.has(words) || lexicons().places.has(words.charAt(0) + words.slice(1).toLowerCase());
    if (dateline || words.length < 2 || NOT_A_SOURCE.has(words.toLowerCase())) return [];
    const phrase = titleSubject(c, toks, 0, k);
    const content = contentSpan(c.text, colon + 1, s.end);
    return phrase && content ? [{ content, phrase, cue: null, cueText: ':' }] : [];
  },
};
