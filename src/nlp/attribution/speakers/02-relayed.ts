import { START } from '../working.js';
import type { SpeakerPass } from './resolve.js';

/**
 * Inside a quote, "I" and "we" are the quote's speaker; "he" is the last other person the quote
 * names, else the one it was said to.
 */
export const relayedSpeaker: SpeakerPass = {
  name: 'relayed',
  resolve(c, q) {
    if (q.outer === null) return undefined;
    const outerSpeaker = q.speakerOf[q.outer] ?? null;
    if (q.phrase.head === 'i' || q.phrase.head === 'we') return outerSpeaker;
    const oq = c.work[q.outer];
    if (!oq) return undefined;
    const from = START(oq);
    const inside = c.personMentions.filter((m) => m.start >= from && m.end <= q.phrase.start && m.canonical !== outerSpeaker);
    return inside.at(-1)?.canonical ?? q.addresseeOf(q.outer) ?? undefined;
  },
};
