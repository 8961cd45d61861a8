import type { Token } from '../../tokens.js';
import type { SpeakerPhrase } from '../../speaker-phrase.js';
import { clauseEnd, contentSpan, isParticipleCue, participleOpening, type IndirectContext, type IndirectFinding, type IndirectPass } from './context.js';

/** A comma, at most two words, then an -ing word: the shape every participle clause has. */
// eslint-disable-next-line security/detect-unsafe-regex -- at most two bounded words between fixed separators; applied to one sentence
const PARTICIPLE_SHAPE = /,\s+(?:\S+\s+){0,2}?[A-Za-z]+ing\b/;

/** Words after the participle that belong to the cue, not the content ("saying that", "adding to reporters that"). */
const SKIP_AFTER = new Set(['that']);

/**
 * A participle clause reporting speech: "X defended the plan, saying it would ...", "..., he added,
 * while also noting that ...". Its speaker is the sentence's: the speaker of a quote in the sentence
 * before it, else the first name or he/she of the sentence.
 */
function sentenceSpeaker(c: IndirectContext, toks: Token[], before: number): { phrase: SpeakerPhrase; speaker?: string | null } | null {
  const from = toks[0]?.start ?? 0;
  const quoted = c.direct.filter((q) => q.speakerSpan && q.speakerSpan.start >= from && q.speakerSpan.end <= before);
  const q = quoted.at(-1);
  if (q?.speakerSpan) return { phrase: { start: q.speakerSpan.start, end: q.speakerSpan.end, kind: 'descriptor', mention: null, head: '' }, speaker: q.speaker };
  for (const t of toks) {
    if (t.start >= before) break;
    const m = c.byStart.get(t.start);
    if (m && (m.kind === 'person' || m.kind === 'org')) return { phrase: { start: m.start, end: m.end, kind: 'mention', mention: m, head: m.canonical } };
    if (t.lower === 'he' || t.lower === 'she') return { phrase: { start: t.start, end: t.end, kind: 'pronoun', mention: null, head: t.lower } };
  }
  return null;
}

export const participleClause: IndirectPass = {
  name: 'indirect:participle',
  inQuotedSentences: true,
  find(c, { sentence: s, toks }) {
    const out: IndirectFinding[] = [];
    // Most sentences have no ", ...ing": skip them before any lexicon look-up.
    if (!PARTICIPLE_SHAPE.test(c.text.slice(s.start, s.end))) return out;
    toks.forEach((t, j) => {
      if (!isParticipleCue(t) || participleOpening(c.text, toks, j) < 0) return;
      const who = sentenceSpeaker(c, toks, t.start);
      let k = j + 1;
      if (SKIP_AFTER.has(toks[k]?.lower ?? '')) k++;
      const first = toks[k];
      const content = first && who ? contentSpan(c.text, first.start, clauseEnd(c.text, toks, k, s.end)) : null;
      if (content && who) out.push({ content, phrase: who.phrase, cue: t, cueText: t.text, ...(who.speaker !== undefined ? { speaker: who.speaker } : {}) });
    });
    return out;
  },
};
