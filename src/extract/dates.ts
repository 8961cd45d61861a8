// Publication dates as ISO 8601 strings. A date given without a time stays a date (2025-07-09), so no
// timezone shifts a day; a date-time keeps the offset it was published with.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// eslint-disable-next-line security/detect-unsafe-regex -- applied to a short value (a flag, a name, a date string, an address), never to article text
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const HAS_TIME = /\d{1,2}:\d{2}/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO 8601 form of a published date as found in metadata, or null when it cannot be read. */
export function normalisePublished(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  if (ISO_DATE.test(s)) return Number.isNaN(Date.parse(s)) ? null : s;
  if (ISO_DATE_TIME.test(s)) {
    const t = s.replace(' ', 'T');
    return Number.isNaN(Date.parse(t)) ? null : t;
  }
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  if (!HAS_TIME.test(s)) return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return d.toISOString().replace('.000Z', 'Z');
}
