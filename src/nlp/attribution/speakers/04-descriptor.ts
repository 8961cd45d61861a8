import type { SpeakerPass } from './resolve.js';

/** Descriptor heads that may stand for the person last named ("the 79-year-old", "the president"). */
const PERSON_HEADS = new Set(['man', 'woman', 'leader', 'president']);

/**
 * "the spokesman": the most recent person the article described with that role word; with no such
 * person, a generic head ("the 79-year-old", "the man") goes on to the recent subject, any other
 * descriptor stays as written.
 */
export const descriptorToPerson: SpeakerPass = {
  name: 'descriptor',
  resolve(c, q) {
    if (q.phrase.kind !== 'descriptor') return undefined;
    const head = q.phrase.head.replace(/s$/, '');
    for (let i = c.personMentions.length - 1; i >= 0; i--) {
      const m = c.personMentions[i];
      if (m && m.start < q.phrase.start && m.descriptor && m.descriptor.toLowerCase().includes(head)) return m.canonical;
    }
    return /-year-old$/.test(q.phrase.head) || PERSON_HEADS.has(q.phrase.head) ? undefined : null;
  },
};
