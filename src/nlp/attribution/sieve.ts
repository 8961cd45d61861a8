import type { SpeakerPhrase } from '../speaker-phrase.js';
import type { SieveContext } from './context.js';
import type { Found } from './phrases.js';
import { precedingOf, trailingOf } from './probes.js';

/**
 * Stage one of attribution, a sieve in the manner of CoreNLP's quote attribution: an ordered list of
 * passes, each a small module under passes/, each deciding the quotes the earlier ones left open.
 * A pass either names the phrase that speaks (with its cue) or says the quote continues another
 * quote's speaker; stage two (speakers/) maps phrases to people.
 */

/** A quote whose speaker is named by a phrase of the text. */
export interface PhraseDecision extends Found {
  phrase: SpeakerPhrase;
}
/** A quote that continues the speaker of quote `from` (an index into the working quotes). */
export interface InheritDecision {
  inherit: number;
}
export type Decision = PhraseDecision | InheritDecision;

export interface SieveState {
  /** Per quote: the decision so far and the pass that made it. */
  decisions: ({ decision: Decision; pass: string } | null)[];
}

/** The readings several passes share, each computed once per quote. */
export class Readings {
  private readonly trailing = new Map<number, Found | null>();
  private readonly preceding = new Map<number, Found | null>();
  constructor(readonly ctx: SieveContext) {}
  trailingOf(qi: number): Found | null {
    if (!this.trailing.has(qi)) this.trailing.set(qi, trailingOf(this.ctx, qi));
    return this.trailing.get(qi) ?? null;
  }
  precedingOf(qi: number): Found | null {
    if (!this.preceding.has(qi)) this.preceding.set(qi, precedingOf(this.ctx, qi));
    return this.preceding.get(qi) ?? null;
  }
}

export interface QuotePass {
  /** Short name, printed by the eval with the pass's precision and recall. */
  name: string;
  decide(r: Readings, qi: number, state: SieveState): Decision | null;
}

/** A reading with a phrase, as a decision. */
export function withPhrase(f: Found | null): PhraseDecision | null {
  return f?.phrase ? { ...f, phrase: f.phrase } : null;
}

export function runSieve(passes: readonly QuotePass[], r: Readings): SieveState {
  const state: SieveState = { decisions: r.ctx.work.map(() => null) };
  for (const pass of passes) {
    r.ctx.work.forEach((_, qi) => {
      if (state.decisions[qi]) return;
      const decision = pass.decide(r, qi, state);
      if (decision) state.decisions[qi] = { decision, pass: pass.name };
    });
  }
  return state;
}
