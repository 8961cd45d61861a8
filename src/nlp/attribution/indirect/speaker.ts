import type { Quote } from '../../types.js';
import type { SpeakerPhrase } from '../../speaker-phrase.js';
import type { IndirectContext } from './context.js';

const UNRESOLVED = new Set(['he', 'she', 'they', 'i', 'we']);

/** "he"/"she": the last speaker before it (direct or indirect), else the last person named. */
function pronounSpeaker(c: IndirectContext, found: Quote[], p: SpeakerPhrase): string | null {
  if (p.head !== 'he' && p.head !== 'she') return null;
  let best: { at: number; name: string } | null = null;
  for (const q of [...c.direct, ...found]) {
    if (q.speaker && q.speakerSpan && q.speakerSpan.end <= p.start && (!best || q.speakerSpan.start > best.at) && !UNRESOLVED.has(q.speaker.toLowerCase())) best = { at: q.speakerSpan.start, name: q.speaker };
  }
  // A speaker is the likelier antecedent than any person merely named since.
  if (best) return best.name;
  for (const m of c.people) if (m.end <= p.start && (!best || m.start > best.at)) best = { at: m.start, name: m.canonical };
  return best?.name ?? null;
}

/** The speaker an indirect attribution's phrase names: a name, a resolved pronoun, or the phrase as written. */
export function indirectSpeaker(c: IndirectContext, found: Quote[], p: SpeakerPhrase | null): string | null {
  if (!p) return null;
  if (p.mention) return p.mention.canonical;
  return p.kind === 'pronoun' ? pronounSpeaker(c, found, p) : c.text.slice(p.start, p.end);
}
