import type { SpeakerPass } from './resolve.js';

/** "I"/"we" outside any quote and "they" name no one person of the article. */
export const unnamedPronoun: SpeakerPass = {
  name: 'unnamed-pronoun',
  resolve: (_c, q) => (q.phrase.kind === 'pronoun' && ['i', 'we', 'they'].includes(q.phrase.head) ? null : undefined),
};
