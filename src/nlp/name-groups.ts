import { lexicons } from './lexicons.js';
import { adjacent, type Token } from './tokens.js';

/** The runs of capitalised words that may be names, for names.ts. */

/** Words joining the parts of one name, in the language being read ("von", "de"; not German "der", which joins nouns). */
export const CONNECTORS = { has: (word: string): boolean => lexicons().nameConnectors.has(word) };
/** All-capital words longer than this are shouting in headlines (THREATENING), not acronyms. */
const MAX_ACRONYM = 5;
/** The pronoun I and contractions (I'm, We'll, Don't) are never part of a name. */
const NOT_A_NAME = /^I$|['’](?:m|ll|ve|re|d|t)$/i;

/** "of" joins a name only after an organisation or title word ("Bank of America", "Secretary of State"). */
function ofJoins(prev: Token): boolean {
  const lex = lexicons();
  return lex.orgKeywords.has(prev.text) || lex.titleWords.has(prev.text) || lex.titleLeads.has(prev.text);
}

/** Ends the current group: drops trailing connectors and keeps it when it holds a capitalised word. */
function closeGroup(cur: Token[], groups: Token[][]): void {
  while (cur.length && !cur[cur.length - 1]?.cap) cur.pop();
  if (cur.length) groups.push(cur);
}

/** All capitals and longer than an acronym: shouting in a headline. */
function isShout(t: Token): boolean {
  return t.cap && t.text.length > MAX_ACRONYM && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
}

/** A middle initial's dot stays inside the name ("Ana H. Lind"): one capital letter, its dot, a space. */
function afterInitial(text: string, prev: Token, t: Token): boolean {
  return /^\p{Lu}$/u.test(prev.text) && /^\.\s$/.test(text.slice(prev.end, t.start)) && !lexicons().functionWords.has(t.lower);
}

/** Groups of capitalised words inside one sentence. */
export function capitalGroups(text: string, toks: Token[]): Token[][] {
  const groups: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t) continue;
    const prev = cur[cur.length - 1];
    const joins = prev !== undefined && (adjacent(text, prev, t) || (t.cap && afterInitial(text, prev, t))) && !prev.possessive;
    if (t.cap && !isShout(t) && !NOT_A_NAME.test(t.text)) {
      if (!joins) {
        closeGroup(cur, groups);
        cur = [];
      }
      cur.push(t);
    } else if (joins && CONNECTORS.has(t.text) && toks[i + 1]?.cap && adjacent(text, t, toks[i + 1] ?? t) && (t.text !== 'of' || ofJoins(prev))) {
      cur.push(t);
    } else {
      closeGroup(cur, groups);
      cur = [];
    }
  }
  closeGroup(cur, groups);
  return groups;
}

