import type { QuotePass } from '../sieve.js';
import { relayedInQuote } from './01-relayed-in-quote.js';
import { trailingCue } from './02-trailing-cue.js';
import { accordingTo } from './03-according-to.js';
import { trailingUnlistedVerb } from './04-trailing-unlisted-verb.js';
import { precedingCue } from './05-preceding-cue.js';
import { colonIntro } from './06-colon-intro.js';
import { sentenceEndCue } from './07-sentence-end-cue.js';
import { sentenceSubject } from './08-sentence-subject.js';
import { previousSentence } from './09-previous-sentence.js';
import { colonParagraph } from './10-colon-paragraph.js';
import { paragraphContinuation } from './11-paragraph-continuation.js';

/** Quote-to-phrase passes in the order they run: the nearest, surest cue first. */
export const QUOTE_PASSES: readonly QuotePass[] = [
  relayedInQuote,
  trailingCue,
  accordingTo,
  trailingUnlistedVerb,
  precedingCue,
  colonIntro,
  sentenceEndCue,
  sentenceSubject,
  colonParagraph,
  previousSentence,
  paragraphContinuation,
];
