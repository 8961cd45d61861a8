import { sentenceAt, type SieveContext } from '../context.js';
import { excluded, type SpeakerPass, type SpeakerQuery } from './resolve.js';
import { OUTER_START } from '../working.js';

/** Speakers that name no one to refer back to. */
const UNRESOLVED = new Set(['he', 'she', 'they', 'i', 'we', 'it']);

/** How many sentences back a pronoun or descriptor is resolved. */
const RESOLVE_BACK_SENTENCES = 12;

/**
 * The speaker of the last quote of the level between `from` and `pos`: someone quoted since the
 * subject was named is the likelier antecedent ("Die Stadt hat ... gesperrt. „...“, sagte Petra Lang.
 * ¶ „...“, sagte sie." is Lang's).
 */
function lastSpeakerAfter(c: SieveContext, q: SpeakerQuery, from: number, pos: number): string | null {
  const not = excluded(q);
  for (let i = c.work.length - 1; i >= 0; i--) {
    const w = c.work[i];
    const who = q.speakerOf[i];
    if (!w || OUTER_START(w) >= pos || w.parent !== q.outer) continue;
    if (OUTER_START(w) < from) return null;
    if (who && who !== not && !UNRESOLVED.has(who.toLowerCase())) return who;
  }
  return null;
}

/** "he said": the subject of the nearest recent sentence with a named person (not the enclosing quote's speaker). */
export const recentSubject: SpeakerPass = {
  name: 'recent-subject',
  resolve(c, q) {
    const pos = q.phrase.start;
    const si = sentenceAt(c.sentences, pos);
    const not = excluded(q);
    for (let s = si; s >= Math.max(0, si - RESOLVE_BACK_SENTENCES); s--) {
      const sub = c.subjectOf.get(s);
      if (sub && sub.start < pos && sub.mention && sub.mention.canonical !== not) return lastSpeakerAfter(c, q, sub.start, pos) ?? sub.mention.canonical;
    }
    return undefined;
  },
};
