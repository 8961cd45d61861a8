/**
 * Crude suffix stripping, so "fundraiser"/"fundraising" and "threatened"/"threatens" meet. Its own
 * module (no imports) so the lexicon loader, which stems synonym entries, and the tokeniser, which
 * stems words, share it without an import cycle.
 */
export function stem(w: string): string {
  if (w.length <= 4 || /^\d/.test(w)) return w;
  for (const suffix of ['ings', 'ing', 'ers', 'ies', 'ed', 'er', 'es', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && !(suffix === 's' && w.endsWith('ss'))) {
      return suffix === 'ies' ? w.slice(0, -3) + 'y' : w.slice(0, -suffix.length);
    }
  }
  return w;
}
