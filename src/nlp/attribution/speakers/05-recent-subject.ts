import { sentenceAt } from '../context.js';
import { excluded, type SpeakerPass } from './resolve.js';

/** How many sentences back a pronoun or descriptor is resolved. */
const RESOLVE_BACK_SENTENCES = 12;

/** "he said": the subject of the nearest recent sentence with a named person (not the enclosing quote's speaker). */
export const recentSubject: SpeakerPass = {
  name: 'recent-subject',
  resolve(c, q) {
    const pos = q.phrase.start;
    const si = sentenceAt(c.sentences, pos);
    const not = excluded(q);
    for (let s = si; s >= Math.max(0, si - RESOLVE_BACK_SENTENCES); s--) {
      const sub = c.subjectOf.get(s);
      if (sub && sub.start < pos && sub.mention && sub.mention.canonical !== not) return sub.mention.canonical;
    }
    return undefined;
  },
};
