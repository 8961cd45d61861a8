import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares a presented token with the expected one; both are hashed so the comparison takes the same time whatever the lengths. */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
