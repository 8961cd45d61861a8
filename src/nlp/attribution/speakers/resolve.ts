import type { SpeakerPhrase } from '../../speaker-phrase.js';
import type { SieveContext } from '../context.js';
import { named } from './01-named.js';
import { relayedSpeaker } from './02-relayed.js';
import { unnamedPronoun } from './03-unnamed-pronoun.js';
import { descriptorToPerson } from './04-descriptor.js';
import { recentSubject } from './05-recent-subject.js';
import { lastNamedPerson } from './06-last-named-person.js';

/**
 * Stage two: from the phrase that speaks to a person of the article, by an ordered list of
 * mention-to-speaker passes. A pass returns a name, `null` when it knows there is none to give
 * ("they", "I" outside a quote), or `undefined` to leave the phrase to the next pass.
 */

/** What a mention-to-speaker pass knows of the quote the phrase speaks. */
export interface SpeakerQuery {
  phrase: SpeakerPhrase;
  /** Index of the enclosing quote, when the quote is relayed inside another. */
  outer: number | null;
  /** Speakers of the quotes decided so far (by working index). */
  speakerOf: (string | null)[];
  /** The addressee of a quote decided so far (by working index). */
  addresseeOf: (index: number) => string | null;
}

export interface SpeakerPass {
  name: string;
  resolve(c: SieveContext, q: SpeakerQuery): string | null | undefined;
}

export const SPEAKER_PASSES: readonly SpeakerPass[] = [named, relayedSpeaker, unnamedPronoun, descriptorToPerson, recentSubject, lastNamedPerson];

/** The person a phrase names, or the descriptor as written ("a White House official") when no person fits. */
export function resolveSpeaker(c: SieveContext, q: SpeakerQuery): string | null {
  let name: string | null = null;
  for (const pass of SPEAKER_PASSES) {
    const r = pass.resolve(c, q);
    if (r !== undefined) {
      name = r;
      break;
    }
  }
  if (name === null && q.phrase.kind === 'descriptor') return c.text.slice(q.phrase.start, q.phrase.end);
  return name;
}

/** The speaker of the enclosing quote, whom "he" inside the quote is not. */
export function excluded(q: SpeakerQuery): string | null {
  return q.outer !== null ? (q.speakerOf[q.outer] ?? null) : null;
}
