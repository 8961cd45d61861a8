import type { Conflict } from '../../model/dossier.js';
import type { Evidence, Span } from '../../model/span.js';
import { overlaps } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { alternation, evidenceOf, touchesQuote } from './common.js';

const GENERATION = /^(?:Jr|Sr|II|III|IV)$/;
/** Words scanned back from the verb for the actor. */
const ACTOR_WORDS = 8;
/** Capitalised words that are not names of actors. */
const NOT_ACTOR = new Set(['The', 'A', 'An', 'While', 'But', 'And', 'Meanwhile', 'However', 'In', 'On', 'At', 'It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'Mr', 'Mrs', 'Ms', 'Dr']);
/** Saying something "in a statement" is a response, whoever else was quoted. */
const STATEMENT = /\b(?:said|says)\s+in\s+a\s+statement\b|\bissued\s+a\s+statement\b|\bin\s+a\s+statement\b/giu;

interface PolarityStance {
  source: number;
  responded: boolean;
  actor: Set<string>;
  span: Span;
}

/**
 * Polarity conflicts on whether an actor has responded: "X is yet to respond / declined to comment"
 * in one source against "X responded / dismissed / said in a statement" in another. Actors meet
 * when they share a name word, a state counting as its demonym ("the Chinese government" = "China";
 * "Corvane Freight" = "Corvane's chief executive").
 */
export function polarityConflicts(docs: SourceDoc[]): Conflict[] {
  const lex = lexicons();
  const no = new RegExp(String.raw`\b(?:${alternation(lex.noResponse)})\b`, 'giu');
  const yes = new RegExp(String.raw`\b(?:has\s+|have\s+|had\s+)?(?:${alternation(lex.responseVerbs)})\b`, 'giu');
  const stances: PolarityStance[] = [];
  for (const doc of docs) {
    for (const s of doc.sentences) {
      const body = doc.text.slice(s.start, s.end);
      for (const [re, responded] of [[no, false], [yes, true], [STATEMENT, true]] as const) {
        re.lastIndex = 0;
        for (let m = re.exec(body); m; m = re.exec(body)) {
          const at = s.start + m.index;
          const verb: Span = { start: at, end: at + m[0].length };
          if (touchesQuote(doc, verb)) continue;
          const head = body.slice(0, m.index);
          // eslint-disable-next-line security/detect-unsafe-regex -- anchored at the end of a clause head; one optional word
          if (responded && /\b(?:was|were|been|being|is|are|be)\s+(?:\p{L}+\s+)?$/iu.test(head)) continue; // passive: acted on
          // eslint-disable-next-line security/detect-unsafe-regex -- anchored at the end of a clause head; one optional word
          if (responded && /(?:\bnot|n['’]t|\bnever|\byet\s+to|\bdeclined\s+to|\brefused\s+to)\s+(?:have\s+)?$/i.test(head)) continue;
          // Not answering someone's messages is not declining to respond to the story.
          // eslint-disable-next-line security/detect-unsafe-regex -- applied to one sentence or clause, and its repetitions are bounded
          if (!responded && /^\s+to\s+(?:\p{L}+\s+){0,2}?(?:messages?|emails?|calls?|letters?|texts?|invitations?)\b/iu.test(doc.text.slice(verb.end, s.end))) continue;
          const actor = actorBefore(doc.text, s.start, at, re === STATEMENT);
          if (!actor) continue;
          const span = { start: actor.start, end: verb.end + clauseTail(doc.text, verb.end, s.end) };
          stances.push({ source: doc.index, responded, actor: actor.names, span });
        }
      }
    }
  }
  const out: Conflict[] = [];
  const used = new Set<PolarityStance>();
  for (const n of stances.filter((x) => !x.responded)) {
    if (used.has(n)) continue;
    // "Berg" and "Berg Jr." are two people: a generational suffix must agree.
    const suffix = (names: Set<string>): string => [...names].filter((w) => GENERATION.test(w)).sort().join(' ');
    const meets = (x: PolarityStance): boolean => suffix(x.actor) === suffix(n.actor) && [...x.actor].some((a) => [...n.actor].some((b) => sameActorWord(a, b)));
    const silent = stances.filter((x) => !x.responded && meets(x));
    const answered = stances.filter((x) => x.responded && meets(x));
    const silentSources = new Set(silent.map((x) => x.source));
    const answeredSources = new Set(answered.map((x) => x.source));
    // A source saying both (responded, then declined further comment) takes neither side.
    const yesSide = answered.filter((x) => !silentSources.has(x.source));
    const noSide = silent.filter((x) => !answeredSources.has(x.source));
    if (!yesSide.length || !noSide.length) continue;
    silent.forEach((x) => used.add(x));
    const who = [...n.actor][0] ?? 'the actor';
    const side = (list: PolarityStance[]): Evidence[] => {
      const ev: Evidence[] = [];
      for (const x of [...list].sort((a, b) => a.source - b.source || a.span.start - b.span.start)) {
        const doc = docs[x.source] as SourceDoc;
        if (ev.some((e) => e.source === doc.id && overlaps(e, x.span)) || ev.filter((e) => e.source === doc.id).length >= 2) continue;
        ev.push(evidenceOf(doc, x.span));
      }
      return ev;
    };
    const ns = new Set(noSide.map((x) => x.source)).size;
    const ys = new Set(yesSide.map((x) => x.source)).size;
    out.push({
      id: '',
      kind: 'polarity',
      summary: `Outlets disagree on whether ${who} has responded: has not responded (${ns} source${ns === 1 ? '' : 's'}) vs responded (${ys} source${ys === 1 ? '' : 's'}).`,
      sides: [
        { value: `${who} has not responded`, evidence: side(noSide) },
        { value: `${who} responded`, evidence: side(yesSide) },
      ],
    });
  }
  return out;
}

/** Up to the next comma or the sentence end, at most a few words, so the evidence reads whole. */
function clauseTail(text: string, from: number, end: number): number {
  const m = /^[^,;.:]{0,60}/.exec(text.slice(from, end));
  return m ? m[0].replace(/\s+$/, '').length : 0;
}

/**
 * The actor named just before a verb, as a set of name words (a demonym mapped to its state). For a
 * statement the whole sentence head counts ("Corvane's chief executive, Graham Oduya, said ...").
 */
function actorBefore(text: string, sentenceStart: number, at: number, wholeHead: boolean): { names: Set<string>; start: number } | null {
  const before = text.slice(sentenceStart, at);
  const clause = wholeHead ? before : (before.split(/[,;:]|\bwhile\b|\bthat\b/i).pop() ?? '');
  const clauseStart = at - clause.length;
  const words = [...clause.matchAll(/[\p{L}’'.-]+/gu)].slice(-ACTOR_WORDS);
  const { demonyms, titles } = lexicons();
  const names = new Set<string>();
  let first: number | null = null;
  for (const w of words) {
    const word = w[0].replace(/[’']s$/, '').replace(/\.$/, '');
    const country = demonyms.get(word.toLowerCase());
    const isName = /^\p{Lu}/u.test(word) && !NOT_ACTOR.has(word) && !titles.includes(word.toLowerCase());
    if (country) names.add(country);
    else if (isName) names.add(word);
    else continue;
    first ??= clauseStart + (w.index ?? 0);
  }
  if (!names.size || first === null) return null;
  return { names, start: first };
}

/** "Freedonia" and "Freedonian": a demonym the lexicon lacks still meets its state by prefix. */
const MIN_PREFIX = 5;
function sameActorWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length >= MIN_PREFIX && l.startsWith(s) && l.length - s.length <= 2;
}
