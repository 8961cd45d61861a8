/**
 * Invariants every output must keep, checked on every golden fixture and test output:
 * each span lies inside its source's text and its `text` equals `source.text.slice(start, end)`.
 * Returns the list of violations (empty when all hold) so a test can show them all at once.
 */
export interface SpanLike {
  start: number;
  end: number;
  text?: string;
  source?: string;
}

export function spanViolations(texts: Map<string, string> | string, spans: Iterable<SpanLike>, where = ''): string[] {
  const out: string[] = [];
  for (const s of spans) {
    const text = typeof texts === 'string' ? texts : texts.get(s.source ?? '');
    const label = `${where}${s.source ? ` ${s.source}` : ''} [${s.start},${s.end})`;
    if (text === undefined) {
      out.push(`${label}: unknown source`);
      continue;
    }
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end <= s.start || s.end > text.length) {
      out.push(`${label}: outside the text (length ${text.length})`);
      continue;
    }
    if (s.text !== undefined && text.slice(s.start, s.end) !== s.text) out.push(`${label}: text does not equal the slice`);
  }
  return out;
}

/** Walks any JSON value and yields every object that looks like a span (has numeric start and end). */
export function* spansIn(value: unknown): Generator<SpanLike> {
  if (Array.isArray(value)) {
    for (const v of value) yield* spansIn(v);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['start'] === 'number' && typeof o['end'] === 'number') yield o as unknown as SpanLike;
    for (const v of Object.values(o)) yield* spansIn(v);
  }
}

/** Every span in a dossier, checked against its sources. */
export function dossierViolations(dossier: { sources: { id: string; text: string }[] } & Record<string, unknown>): string[] {
  const texts = new Map(dossier.sources.map((s) => [s.id, s.text]));
  const out: string[] = [];
  for (const [key, value] of Object.entries(dossier)) {
    if (key === 'sources') continue;
    out.push(...spanViolations(texts, [...spansIn(value)].filter((s) => s.source !== undefined), key));
  }
  return out;
}
