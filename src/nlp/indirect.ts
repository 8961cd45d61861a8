import type { Quote } from './types.js';
import type { AttributionContext } from './attribution.js';

export function findIndirectSpeech(_ctx: AttributionContext, _direct: Quote[]): Quote[] {
  return [];
}
