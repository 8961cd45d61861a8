import type { QuotePass } from '../sieve.js';
import { relayedInQuote } from './01-relayed-in-quote.js';
import { trailingCue } from './02-trailing-cue.js';
import { accordingTo } from './03-according-to.js';
import { precedingCue } from './04-preceding-cue.js';
import { colonIntro } from './05-colon-intro.js';
import { sentenceEndCue } from './06-sentence-end-cue.js';
import { sentenceSubject } from './07-sentence-subject.js';
import { previousSentence } from './08-previous-sentence.js';
import { colonParagraph } from './09-colon-paragraph.js';
import { paragraphContinuation } from './10-paragraph-continuation.js';

/** Quote-to-phrase passes in the order they run: the nearest, surest cue first. */
export const QUOTE_PASSES: readonly QuotePass[] = [
  relayedInQuote,
  trailingCue,
  accordingTo,
  precedingCue,
  colonIntro,
  sentenceEndCue,
  sentenceSubject,
  colonParagraph,
  previousSentence,
  paragraphContinuation,
];
