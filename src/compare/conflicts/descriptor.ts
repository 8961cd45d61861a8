import type { Conflict } from '../../model/dossier.js';
import { lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { alternation, conflictFrom, touchesQuote, type Stance } from './common.js';

/** Sources that must agree on one form of the title before the other form is a conflict. */
const MIN_AGREEING_SOURCES = 2;
const NAME = String.raw`\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2}`;

let needles: string[] | null = null;

/** Each title's last word with the comma after it: text the appositive regex cannot match without. */
export function appositiveNeedles(): string[] {
  return (needles ??= [...new Set(lexicons().titles.map((t) => `${t.split(' ').pop() ?? t},`))]);
}

const NAME_AFTER = /\s+\p{Lu}/uy;

/** False when no title's last word stands before a comma, spaces and a capital: the appositive regex cannot match. */
export function mayHoldAppositive(text: string): boolean {
  for (const n of appositiveNeedles()) {
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
      NAME_AFTER.lastIndex = i + n.length;
      if (NAME_AFTER.test(text)) return true;
    }
  }
  return false;
}

/**
 * Descriptor conflicts: the same person given a title as current by some outlets and as former by
 * others ("Transport Minister X" vs "Former Transport Minister X"; "the minister, X"). Titles come
 * from the lexicon, with up to two capitalised words before them ("Transport", "US"); the key is
 * the title and the surname. A source using both forms for the person takes neither side. Quoted
 * words are the speaker's, not the outlet's.
 */
export function descriptorConflicts(docs: SourceDoc[]): Conflict[] {
  // Case-sensitive on purpose: a title before a name is capitalised, and so is the name; a
  // lower-case title needs the appositive comma ("the transport minister, Ruth Ainsley").
  const lower = alternation(lexicons().titles);
  const upper = alternation(lexicons().titles.map(capitalise));
  const patterns = [new RegExp(String.raw`(?<![\p{L}-])([Ff]ormer\s+|[Ee]x-|[Tt]hen-)?((?:(?:U\.S\.|\p{Lu}[\p{L}]*)\s+){0,2}?)(${upper})\s+(${NAME})`, 'gu')];
  // The appositive form only for a story printing some title's last word, in lower case, right
  // before a comma and a capitalised word (the regex is case-sensitive): most never do, and it is a
  // regex of every title.
  if (docs.some((d) => mayHoldAppositive(d.text))) {
    patterns.push(new RegExp(String.raw`(?<![\p{L}-])(former\s+|ex-|then-)?((?:[\p{Ll}]+\s+){0,2}?)(${lower}),\s+(${NAME})`, 'gu'));
  }
  const stances = new Map<string, Stance[]>();
  const labels = new Map<string, string>();
  for (const doc of docs) {
    for (const s of doc.sentences) {
      const body = doc.text.slice(s.start, s.end);
      for (const re of patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(body); m; m = re.exec(body)) {
          const prefix = (m[1] ?? '').trim().toLowerCase();
          if (prefix === 'then-') continue;
          const modifiers = (m[2] ?? '').trim().replace(/^(?:the|a|an)\b\s*/, '');
          if (/^(?:The|A|An|In|On|At|And|But|By|With|For|From|To|As)\b/.test(modifiers)) continue;
          const title = (m[3] as string).toLowerCase();
          const name = (m[4] as string).replace(/[’']s$/, '');
          const surname = name.split(/\s+/).pop() as string;
          const span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
          if (touchesQuote(doc, span)) continue;
          const key = `${title}\u0000${surname}`;
          const label = `${modifiers ? modifiers + ' ' : ''}${title}`;
          if (!labels.has(key) || label.length > (labels.get(key) as string).length) labels.set(key, label);
          if (!labels.has(key + '\u0000name') || name.length > (labels.get(key + '\u0000name') as string).length) labels.set(key + '\u0000name', name);
          stances.set(key, [...(stances.get(key) ?? []), { source: doc.index, value: prefix ? 'former' : 'current', span }]);
        }
      }
    }
  }
  const out: Conflict[] = [];
  for (const [key, list] of [...stances.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    // A source that uses both forms (history and present) takes no side.
    const both = new Set(list.filter((s) => s.value === 'former').map((s) => s.source).filter((src) => list.some((x) => x.source === src && x.value === 'current')));
    const clean = list.filter((s) => !both.has(s.source));
    // A title used for the past ("President X signed it in 2010") reads like a current one; only a
    // form at least two sources agree on is set against the other.
    const count = (v: string): number => new Set(clean.filter((s) => s.value === v).map((s) => s.source)).size;
    if (Math.max(count('former'), count('current')) < MIN_AGREEING_SOURCES) continue;
    const title = labels.get(key) ?? '';
    const name = labels.get(key + '\u0000name') ?? '';
    const c = conflictFrom('descriptor', `whether ${name} is the current or a former ${title}`, clean, docs, (v) => (v === 'former' ? `former ${title}` : `${title} (current)`));
    if (c) out.push(c);
  }
  return out;
}

const capitalise = (t: string): string => t.replace(/(^|\s)(\p{Ll})/gu, (_: string, sp: string, c: string) => sp + c.toUpperCase());
