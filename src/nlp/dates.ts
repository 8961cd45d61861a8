import type { DateMention, Sentence } from './types.js';

export function findDates(_text: string, _sentences: Sentence[], _published: string | null): DateMention[] {
  return [];
}
