import type { DateMention, NumberMention, Sentence } from './types.js';

export function findNumbers(_text: string, _sentences: Sentence[], _dates: DateMention[]): NumberMention[] {
  return [];
}
