import { excluded, type SpeakerPass } from './resolve.js';

/** The last person named before the phrase, outside quotes (not the enclosing quote's speaker). */
export const lastNamedPerson: SpeakerPass = {
  name: 'last-named-person',
  resolve(c, q) {
    const not = excluded(q);
    for (let i = c.personMentions.length - 1; i >= 0; i--) {
      const m = c.personMentions[i];
      if (m && m.start < q.phrase.start && !c.insideQuote(m.start) && m.canonical !== not) return m.canonical;
    }
    return null;
  },
};
