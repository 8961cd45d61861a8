import type { Conflict } from '../../model/dossier.js';
import type { ClaimStage } from '../claims/index.js';
import type { QuoteStage } from '../quotes/index.js';
import type { SourceDoc } from '../source-doc.js';
import { phraseAttributeConflicts } from './attribute-phrases.js';
import { thingAttributeConflicts } from './thing-attributes.js';
import { orgNameConflicts } from './org-names.js';
import { motiveConflicts } from './motive.js';
import { intervenerConflicts } from './intervener.js';
import { residenceConflicts } from './residence.js';
import { destinationConflicts } from './destination.js';
import { venueConflicts } from './venue.js';
import { namedDateConflicts } from './named-date.js';
import { restatedDateConflicts } from './restated-date.js';
import { attributionConflicts } from './attribution.js';
import { toldOutletConflicts } from './told-outlet.js';
import { firstReportedConflicts } from './first-reported.js';
import { overlaps } from '../../model/span.js';
import { dateConflicts } from './date.js';
import { descriptorConflicts } from './descriptor.js';
import { eventDateConflicts } from './event-date.js';
import { numberConflicts } from './number.js';
import { recordConflicts } from './number-record.js';
import { polarityConflicts } from './polarity.js';
import { causeRoleConflicts } from './cause-role.js';
import { negationConflicts } from './negation.js';
import { unknownVsStatedConflicts } from './unknown-vs-stated.js';
import { undisclosedReasonConflicts } from './undisclosed-reason.js';
import { disputedClaimConflicts } from './disputed-claim.js';
import { quoteConflicts } from './quote.js';
import { speakerConflicts } from './speaker.js';
import { mergeSameDisputes } from './merge-disputes.js';

/**
 * Every conflict detector, each a small pass over the sources (and the quote and claim stages),
 * in the order the dossier lists their kinds.
 */
export function findConflicts(docs: SourceDoc[], quotes: QuoteStage, claims: ClaimStage): Conflict[] {
  const attribution = attributionConflicts(docs, quotes);
  const dates = [
    ...dateConflicts(docs),
    // Event dates: only mentions sharing the story's event word, attached to the date (0 of 100 BASIL events fire).
    ...eventDateConflicts(docs, claims),
    ...namedDateConflicts(docs, claims),
  ];
  return mergeSameDisputes(oneConflictPerDispute([
    ...attribution,
    // Who said it: the same statement given to two different people (issue 13 §4-5).
    ...speakerConflicts(docs, quotes.clusters).filter((c) => !sharesEvidence(c, attribution)),
    // The same dispute found by both attribution passes is one conflict: the first pass's.
    ...toldOutletConflicts(docs, claims).filter((c) => !sharesEvidence(c, attribution)),
    // Which outlet broke the story: "X first reported" in one source, the news credited to Y in another's lede.
    ...firstReportedConflicts(docs).filter((c) => !sharesEvidence(c, attribution)),
    ...dates,
    // One sentence printed with two dates; a dispute the passes above found in both sources is theirs.
    ...restatedDateConflicts(docs).filter((c) => !dates.some((d) => coversBothSides(d, c))),
    ...numberConflicts(docs, claims),
    ...recordConflicts(docs),
    ...descriptorConflicts(docs),
    ...phraseAttributeConflicts(docs, claims),
    ...thingAttributeConflicts(docs),
    ...orgNameConflicts(docs),
    ...motiveConflicts(docs),
    ...intervenerConflicts(docs, claims),
    ...residenceConflicts(docs),
    ...destinationConflicts(docs, claims),
    ...venueConflicts(docs),
    ...polarityConflicts(docs),
    // A thing named as a cause in one source, said to have played no part in another.
    ...causeRoleConflicts(docs),
    // A statement in one source, its negation in the same words in another.
    ...negationConflicts(docs),
    // A question one source leaves open ("it was unclear whether ...") that another answers.
    ...unknownVsStatedConflicts(docs),
    // The reason for an act withheld in one source ("would not say why"), given in another.
    ...undisclosedReasonConflicts(docs),
    // A claim one source calls unproven ("this remains unconfirmed"), another states as fact.
    ...disputedClaimConflicts(docs),
    ...quoteConflicts(quotes.clusters),
  ]));
}

/**
 * One dispute is one conflict: two passes (date, named-date, event-date) can find the same "Thursday
 * vs Friday" in the same sources. A conflict whose kind and side values repeat an earlier one's, with a
 * source in common on the same side, is the same dispute; the earlier pass's (its order above) is kept.
 */
export function oneConflictPerDispute(conflicts: Conflict[]): Conflict[] {
  const kept: Conflict[] = [];
  const sidesOf = (c: Conflict): Map<string, Set<string>> => new Map(c.sides.map((s) => [s.value.trim().toLowerCase(), new Set(s.evidence.map((e) => e.source))]));
  for (const c of conflicts) {
    const mine = sidesOf(c);
    const same = kept.some((k) => {
      if (k.kind !== c.kind || k.sides.length !== c.sides.length) return false;
      const theirs = sidesOf(k);
      if (![...mine.keys()].every((v) => theirs.has(v))) return false;
      return [...mine].some(([v, sources]) => [...sources].some((x) => theirs.get(v)?.has(x)));
    });
    if (!same) kept.push(c);
  }
  return kept;
}

/** True when a conflict's evidence overlaps evidence of any of the others. */
function sharesEvidence(c: Conflict, others: Conflict[]): boolean {
  const mine = c.sides.flatMap((s) => s.evidence);
  return others.some((o) => o.sides.some((s) => s.evidence.some((e) => mine.some((m) => m.source === e.source && overlaps(m, e)))));
}

/** True when `d` has evidence overlapping each of two sides of `c`, in the same sources. */
function coversBothSides(d: Conflict, c: Conflict): boolean {
  const hit = (side: Conflict['sides'][number]): boolean => side.evidence.some((e) => d.sides.some((s) => s.evidence.some((x) => x.source === e.source && overlaps(x, e))));
  return c.sides.filter(hit).length >= 2;
}
