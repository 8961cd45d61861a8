import type { Span } from '../../model/span.js';
import { trimSpan } from '../../model/span.js';

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Col|Lt|Sgt|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|etc|U\.S|U\.K|U\.N|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b\p{Lu})\.$/u;

/**
 * Sentence spans of `text[from, to)`, split at line breaks and at . ! ? … followed by space and a
 * capital, a digit or an opening mark. `inside(i)` may veto a split (used to keep quotations whole).
 */
export function sentenceSpans(text: string, from = 0, to = text.length, inside?: (i: number) => boolean): Span[] {
  const out: Span[] = [];
  let start = from;
  const push = (end: number): void => {
    const s = trimSpan(text, { start, end });
    if (s.end > s.start) out.push(s);
  };
  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (!/[.!?…]/.test(c)) continue;
    // Take closing marks and further stops with the sentence: `crazy.”` `no!'`
    let j = i + 1;
    while (j < to && /[.!?…"”’'»)\]]/.test(text[j] as string)) j++;
    if (j >= to) break;
    if (!/[ \t]/.test(text[j] as string)) continue;
    let k = j;
    while (k < to && /[ \t]/.test(text[k] as string)) k++;
    const next = text[k] ?? '';
    if (!/[\p{Lu}\p{N}"“‘'([]/u.test(next)) continue;
    if (c === '.' && ABBREVIATION.test(text.slice(Math.max(from, i - 6), i + 1))) continue;
    if (inside?.(i)) continue;
    push(j);
    start = k;
    i = k - 1;
  }
  push(to);
  return out;
}

/** Paragraph spans: runs of non-empty lines are NOT joined; every line is its own paragraph. */
export function lineSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const s = trimSpan(text, { start, end: i });
      if (s.end > s.start) out.push(s);
      start = i + 1;
    }
  }
  return out;
}
