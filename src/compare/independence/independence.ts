import type { Claim, Reuse, ReusePassage } from '../../model/dossier.js';
import { overlaps } from '../../model/span.js';
import { byId } from './text.js';

/**
 * Independence: sources linked by text reuse count as one. Groups are the connected components of the
 * reuse graph (union-find), so a chain of copies (A copied by B, B copied by C) is one group.
 *
 * Encoding (see docs/contract.md): `single-source` means "one independent source reports it", so a
 * claim reported by several outlets that all copy one article becomes `single-source`, gets
 * `independentSources: 1`, and is marked `copiesOnly: true` (it has evidence in several sources, all
 * copies). Every count of sources (status, headline figures, summary) therefore counts copies once.
 */

export class UnionFind {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    if (!this.parent.has(x)) this.parent.set(x, x);
    let root = x;
    for (let p = this.parent.get(root) ?? root; p !== root; p = this.parent.get(root) ?? root) root = p;
    // path compression: point every node on the way straight at the root
    for (let y = x; y !== root; ) {
      const next = this.parent.get(y) ?? root;
      this.parent.set(y, root);
      y = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // the first id in natural order becomes the root, so groups do not depend on the order of unions
    if (byId(ra, rb) < 0) this.parent.set(rb, ra);
    else if (byId(rb, ra) < 0) this.parent.set(ra, rb);
  }
}

/** Groups of source ids that reuse one another (every source in exactly one group), sorted. */
export function sourceGroups(sourceIds: string[], links: Pick<Reuse, 'a' | 'b'>[]): string[][] {
  const uf = new UnionFind();
  for (const id of sourceIds) uf.find(id);
  for (const l of links) uf.union(l.a, l.b);
  const groups = new Map<string, string[]>();
  for (const id of sourceIds) {
    const r = uf.find(id);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(id);
  }
  return [...groups.values()].map((g) => [...g].sort(byId)).sort((x, y) => byId(x[0] ?? '', y[0] ?? ''));
}

export interface IndependentClaim extends Claim {
  /** Several sources report it, but all of them reuse one article: not corroborated. */
  copiesOnly?: boolean;
}

/** The sources a claim rests on: its `sources` field when given, else its evidence's sources. */
export function claimSources(claim: Claim): string[] {
  const ids = claim.sources && claim.sources.length ? claim.sources : claim.evidence.map((e) => e.source);
  return [...new Set(ids)].sort(byId);
}

/**
 * Recomputes every claim's `independentSources` and marks claims backed only by copies. Sources count
 * once when they are in one reuse group, or when the claim's evidence in both lies inside one passage of
 * prose they share (`copied`): two outlets that ran the same wire paragraph are one source for what that
 * paragraph says, even if they are independent elsewhere.
 */
export function recountClaims(claims: Claim[], groups: string[][], copied: ReusePassage[] = []): IndependentClaim[] {
  // Indexes, so each claim looks only at its own sources' groups and copied passages (the union-find's
  // result does not depend on the order of unions, so skipping unrelated groups and passages is exact).
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((s) => groupOf.set(s, i)));
  const passagesOf = new Map<string, ReusePassage[]>();
  for (const p of copied) {
    const l = passagesOf.get(p.a.source);
    if (l) l.push(p);
    else passagesOf.set(p.a.source, [p]);
  }
  return claims.map((c) => {
    const sources = claimSources(c);
    const uf = new UnionFind();
    const firstInGroup = new Map<number, string>();
    for (const s of sources) {
      uf.find(s);
      const g = groupOf.get(s);
      if (g === undefined) continue;
      const first = firstInGroup.get(g);
      if (first === undefined) firstInGroup.set(g, s);
      else uf.union(first, s);
    }
    const inClaim = new Set(c.evidence.map((e) => e.source));
    for (const p of [...inClaim].flatMap((s) => passagesOf.get(s) ?? [])) {
      if (!inClaim.has(p.b.source)) continue;
      const inA = c.evidence.some((e) => e.source === p.a.source && overlaps(e, p.a));
      const inB = c.evidence.some((e) => e.source === p.b.source && overlaps(e, p.b));
      if (inA && inB) uf.union(p.a.source, p.b.source);
    }
    const independent = Math.max(sources.length ? 1 : 0, new Set(sources.map((s) => uf.find(s))).size);
    const { copiesOnly: _drop, ...rest } = c;
    const out: IndependentClaim = { ...rest, independentSources: independent };
    if (sources.length > 1 && independent === 1) {
      out.copiesOnly = true;
      // Copies are one source: what only copies of one article say is single-source (issue 17).
      if (out.status === 'corroborated') out.status = 'single-source';
    }
    return out;
  });
}
