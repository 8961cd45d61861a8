import type { Span } from '../model/span.js';
import type { Mention, Quote } from './types.js';
import type { AttributionContext } from './attribution/index.js';
import { lexicons } from './lexicons.js';
import { tokenize, type Token } from './tokens.js';
import { BETWEEN_SPEAKER_AND_CUE, phraseEndingAt, phraseStartingAt, type SpeakerPhrase } from './speaker-phrase.js';

/**
 * Indirect speech, kept with `direct: false`: "X said (that) ...", "..., X said.", "According to X,
 * ...", "..., according to X." in sentences holding no quotation. The content runs from after the
 * cue (and its addressee, and "that") to the end of the sentence, or from the sentence start to the
 * comma before a trailing attribution. Speakers are resolved like a direct quote's, more simply: a
 * name found in the text, or the phrase as written.
 */

/** Fewer words than this after a cue is not a reported statement ("he said so"). */
const MIN_CONTENT_WORDS = 3;

const TRAILING = /,\s*(?:according to\s+)?([^,;:"“”]{2,80}?)\s+(said|says|told|added|claimed|argued|warned|noted|insisted|explained|wrote|stated|acknowledged|continued)\b[^,;:"“”]{0,60}[.!?]?\s*$/;
const TRAILING_INVERTED = /,\s*(said|says|added|wrote|claimed|argued|noted)\s+([^,;:"“”]{2,80}?)[.!?]?\s*$/;

function words(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

function trimContent(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,:]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s.!?,;:]/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

export function findIndirectSpeech(ctx: AttributionContext, direct: Quote[]): Quote[] {
  const { text, sentences, mentions } = ctx;
  const lex = lexicons();
  const byEnd = new Map<number, Mention>();
  const byStart = new Map<number, Mention>();
  for (const m of mentions) {
    byEnd.set(m.end, m);
    byStart.set(m.start, m);
  }
  const quoted = direct.map((q) => ({ start: q.open?.start ?? q.start, end: q.close?.end ?? q.end }));
  const out: Quote[] = [];
  let qi = 0;
  const people = mentions.filter((m) => m.kind === 'person' && !quoted.some((q) => q.start <= m.start && m.end <= q.end));
  /** "he"/"she": the last speaker before it (direct or indirect), else the last person named. */
  const pronounSpeaker = (p: SpeakerPhrase): string | null => {
    if (p.head !== 'he' && p.head !== 'she') return null;
    let best: { at: number; name: string } | null = null;
    for (const q of [...direct, ...out]) {
      if (q.speaker && q.speakerSpan && q.speakerSpan.end <= p.start && (!best || q.speakerSpan.start > best.at) && !['he', 'she', 'they', 'i', 'we'].includes(q.speaker.toLowerCase())) best = { at: q.speakerSpan.start, name: q.speaker };
    }
    // A speaker is the likelier antecedent than any person merely named since.
    if (best) return best.name;
    for (const m of people) if (m.end <= p.start && (!best || m.start > best.at)) best = { at: m.start, name: m.canonical };
    return best?.name ?? null;
  };
  const make = (content: Span, phrase: SpeakerPhrase | null, cue: Token | null, cueText: string | null): Quote => ({
    start: content.start,
    end: content.end,
    text: text.slice(content.start, content.end),
    parts: [{ start: content.start, end: content.end }],
    open: null,
    close: null,
    speaker: phrase ? (phrase.mention ? phrase.mention.canonical : phrase.kind === 'pronoun' ? pronounSpeaker(phrase) : text.slice(phrase.start, phrase.end)) : null,
    speakerSpan: phrase ? { start: phrase.start, end: phrase.end } : null,
    cue: cueText,
    cueSpan: cue ? { start: cue.start, end: cue.end } : null,
    addressee: null,
    addresseeSpan: null,
    direct: false,
    nestedIn: null,
    censored: false,
    partial: false,
  });
  for (const s of sentences) {
    if (s.headline) continue;
    while (qi < quoted.length && (quoted[qi]?.end ?? 0) <= s.start) qi++;
    if (quoted.slice(qi).some((q) => q.start < s.end && q.end > s.start)) continue;
    const toks = tokenize(text, s.start, s.end);
    // No speech or belief verb, no "according": nothing to find (most sentences; the patterns are costly).
    if (!toks.some((t) => lex.speechVerbs.has(t.lower) || lex.cognitiveVerbs.has(t.lower) || t.lower === 'according')) continue;
    const sentence = text.slice(s.start, s.end);
    // "According to X, ..." at the start.
    if (toks[0]?.lower === 'according' && toks[1]?.lower === 'to') {
      const comma = sentence.indexOf(',');
      const phrase = phraseStartingAt(toks, 2, byStart, text);
      const content = comma > 0 ? trimContent(text, s.start + comma + 1, s.end) : null;
      if (content && words(text.slice(content.start, content.end)) >= MIN_CONTENT_WORDS) {
        out.push(make(content, phrase, toks[0], 'according to'));
        continue;
      }
    }
    // "..., X said." / "..., according to X." / "..., said X." at the end.
    const trailing = TRAILING.exec(sentence) ?? null;
    const inverted = trailing ? null : TRAILING_INVERTED.exec(sentence);
    const tail = trailing ?? inverted;
    if (tail && tail.index > 0) {
      const content = trimContent(text, s.start, s.start + tail.index);
      const at = s.start + tail.index;
      const tailToks = toks.filter((t) => t.start >= at);
      const cueTok = tailToks.find((t) => lex.speechVerbs.has(t.lower) || t.lower === 'according') ?? null;
      let phrase: SpeakerPhrase | null = null;
      if (cueTok) {
        const ci = toks.indexOf(cueTok);
        phrase = inverted ? phraseStartingAt(toks, ci + 1, byStart, text) : cueTok.lower === 'according' ? phraseStartingAt(toks, ci + 2, byStart, text) : phraseEndingAt(toks, ci - 1, byEnd, text);
      }
      if (content && words(text.slice(content.start, content.end)) >= MIN_CONTENT_WORDS && phrase) {
        out.push(make(content, phrase, cueTok, cueTok ? (cueTok.lower === 'according' ? 'according to' : cueTok.text) : null));
        continue;
      }
    }
    // "X said (that) ..." with the subject right before the cue.
    for (let i = 1; i < toks.length - MIN_CONTENT_WORDS; i++) {
      const t = toks[i] as Token;
      const speech = lex.speechVerbs.get(t.lower);
      const lemma = speech ?? lex.cognitiveVerbs.get(t.lower);
      if (!lemma || t.cap || /ing$/.test(t.lower) || (speech !== undefined && lex.weakVerbs.has(speech))) continue;
      let k = i - 1;
      while (k > 0 && BETWEEN_SPEAKER_AND_CUE.has((toks[k] as Token).lower)) k--;
      if (text.slice((toks[k] as Token).end, t.start).includes(',')) continue;
      const phrase = phraseEndingAt(toks, k, byEnd, text);
      if (!phrase || phrase.kind === 'pronoun' && (phrase.head === 'i' || phrase.head === 'it')) continue;
      let c = i + 1;
      if (lemma === 'tell') {
        // "told reporters (that)": skip the addressee up to "that" or a pronoun subject.
        while (c < toks.length && c < i + 6 && !['that', 'he', 'she', 'they', 'it', 'we', 'the'].includes((toks[c] as Token).lower)) c++;
      }
      if (toks[c]?.lower === 'that') c++;
      const first = toks[c];
      if (!first) break;
      const content = trimContent(text, first.start, s.end);
      if (content && words(text.slice(content.start, content.end)) >= MIN_CONTENT_WORDS) out.push(make(content, phrase, t, t.text));
      break;
    }
  }
  return out;
}
