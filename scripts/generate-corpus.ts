// Deterministic generator of realistic multi-outlet news: many stories, each reported by several
// outlets over a few days, some copies syndicated from an agency with light edits. Same seed, same
// output. Used by the corpus bench (10k/50k/100k articles) and the SIGKILL test.
//
//   node --import tsx scripts/generate-corpus.ts --articles 10000 [--seed 1] > corpus.jsonl
//
// Each JSONL line: {url, outlet, title, published, text, story} (`story` is the generator's own
// story key, a gold label for checking clustering; the reader ignores unknown keys).
import { pathToFileURL } from 'node:url';
import { prng } from '../src/testing/prng.js';

export interface GeneratedArticle {
  url: string;
  outlet: string;
  title: string;
  published: string;
  text: string;
  story: string;
}

export interface GenerateOptions {
  articles: number;
  seed?: number;
  /** Mean articles per story. */
  perStory?: number;
  /** First day of the period covered. */
  start?: string;
}


const SYL = ['ka', 'lo', 'mer', 'an', 'tis', 'vel', 'do', 'ra', 'sun', 'bri', 'es', 'ton', 'mar', 'qui', 'len', 'ha', 'zor', 'pe', 'li', 'gan', 'ust', 'or', 'fen', 'wi'];
const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kemal', 'Lucia', 'Marta', 'Nikos', 'Omar', 'Priya', 'Rafael', 'Sofia', 'Tomas', 'Yusuf'];
const ROLES = ['Mayor', 'Governor', 'Minister', 'spokesperson', 'police chief', 'director', 'union leader', 'chief executive', 'judge', 'senator'];
const OUTLETS = ['Daily Ledger', 'Morning Courier', 'National Tribune', 'City Gazette', 'Evening Post', 'Global Wire', 'Metro Herald', 'Coastal Times', 'Capital Report', 'Northern Star', 'Valley News', 'World Dispatch'];
const AGENCY = 'Global Wire';

interface Kind {
  name: string;
  verbs: string[];
  nouns: string[];
  unit: string;
}
const KINDS: Kind[] = [
  { name: 'earthquake', verbs: ['struck', 'shook', 'rocked'], nouns: ['magnitude', 'tremor', 'aftershock', 'rubble', 'rescue', 'epicentre', 'collapsed'], unit: 'people were killed' },
  { name: 'flood', verbs: ['swamped', 'inundated', 'submerged'], nouns: ['river', 'rainfall', 'levee', 'evacuation', 'water', 'sandbags', 'shelters'], unit: 'homes were flooded' },
  { name: 'strike', verbs: ['halted', 'paralysed', 'disrupted'], nouns: ['workers', 'wages', 'union', 'pickets', 'negotiations', 'contract', 'walkout'], unit: 'workers walked out' },
  { name: 'election', verbs: ['won', 'claimed', 'secured'], nouns: ['votes', 'ballot', 'turnout', 'candidate', 'coalition', 'polls', 'campaign'], unit: 'per cent of the vote was counted' },
  { name: 'merger', verbs: ['agreed', 'announced', 'sealed'], nouns: ['shares', 'deal', 'shareholders', 'regulators', 'acquisition', 'valuation', 'bid'], unit: 'million was offered' },
  { name: 'fire', verbs: ['gutted', 'destroyed', 'engulfed'], nouns: ['blaze', 'firefighters', 'smoke', 'flames', 'warehouse', 'hydrant', 'arson'], unit: 'firefighters were deployed' },
  { name: 'trial', verbs: ['convicted', 'acquitted', 'sentenced'], nouns: ['jury', 'verdict', 'prosecutors', 'defence', 'testimony', 'appeal', 'courtroom'], unit: 'years in prison were sought' },
  { name: 'protest', verbs: ['marched', 'rallied', 'gathered'], nouns: ['demonstrators', 'police', 'banners', 'crowd', 'square', 'tear gas', 'organisers'], unit: 'protesters took part' },
  { name: 'crash', verbs: ['derailed', 'collided', 'crashed'], nouns: ['train', 'passengers', 'investigators', 'wreckage', 'signal', 'carriages', 'driver'], unit: 'passengers were injured' },
  { name: 'outbreak', verbs: ['spread', 'surged', 'emerged'], nouns: ['infections', 'hospital', 'vaccine', 'patients', 'health officials', 'cases', 'quarantine'], unit: 'cases were confirmed' },
];
const FILLER = [
  'Officials said more details would be released later in the day.',
  'The situation remained fluid, according to people familiar with the matter.',
  'Local residents described scenes of confusion in the hours that followed.',
  'Analysts said the events could have wider consequences for the region.',
  'It was not immediately clear what would happen next.',
  'Questions were raised about how the authorities had prepared.',
  'The government said it was monitoring developments closely.',
  'Several witnesses spoke to reporters at the scene.',
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
function word(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, SYL);
  return cap(s);
}

interface Story {
  key: string;
  kind: Kind;
  place: string;
  region: string;
  people: { name: string; role: string }[];
  org: string;
  number: number;
  second: number;
  day: number;
  weekday: string;
}

function makeStory(r: () => number, i: number): Story {
  const kind = pick(r, KINDS);
  const people = Array.from({ length: 2 + Math.floor(r() * 2) }, () => ({ name: `${pick(r, FIRST)} ${word(r, 2 + Math.floor(r() * 2))}`, role: pick(r, ROLES) }));
  return {
    key: `g${i}`,
    kind,
    place: word(r, 2 + Math.floor(r() * 2)),
    region: word(r, 3),
    people,
    org: `${word(r, 2)} ${pick(r, ['Group', 'Authority', 'Council', 'Holdings', 'Institute', 'Agency'])}`,
    number: 3 + Math.floor(r() * 400),
    second: 2 + Math.floor(r() * 90),
    day: 0,
    weekday: pick(r, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']),
  };
}

function sentences(r: () => number, s: Story): string[] {
  const [p1, p2] = [s.people[0]!, s.people[1]!];
  const v = pick(r, s.kind.verbs);
  const n = (): string => pick(r, s.kind.nouns);
  return [
    `${/^[aeiou]/.test(s.kind.name) ? "An" : "A"} ${s.kind.name} ${v} ${s.place} in the ${s.region} region on ${s.weekday}, and ${s.number} ${s.kind.unit}, according to officials.`,
    `${cap(p1.role)} ${p1.name} said the ${n()} and the ${n()} were the main concern for ${s.place}.`,
    `"We are doing everything we can for the people of ${s.place}," ${p1.name} told reporters.`,
    `${p2.name}, ${p2.role} of the ${s.org}, said about ${s.second} ${n()} had been affected.`,
    `Reports of the ${n()} near ${s.place} came in early, and the ${n()} continued through the night.`,
    `The ${s.org} said it would review the ${n()} and publish its findings.`,
    `In ${s.region}, the ${n()} and the ${n()} drew comparisons with earlier events.`,
    `${p2.name} called for calm and said the ${n()} would be investigated.`,
  ];
}

function articleText(r: () => number, s: Story, variant: number): string {
  const base = sentences(r, s);
  const order = base.map((x, i) => ({ x, k: i === 0 ? -1 : r() }));
  order.sort((a, b) => a.k - b.k);
  const body = order.slice(0, 4 + Math.floor(r() * 4)).map((o) => o.x);
  for (let i = 0; i < 1 + variant % 3; i++) body.splice(1 + Math.floor(r() * body.length), 0, pick(r, FILLER));
  const paras: string[] = [];
  for (let i = 0; i < body.length; i += 2) paras.push(body.slice(i, i + 2).join(' '));
  return paras.join('\n\n');
}

/** Yields articles in publication order. */
export function* generateCorpus(options: GenerateOptions): Generator<GeneratedArticle> {
  const r = prng(options.seed ?? 1);
  const perStory = options.perStory ?? 8;
  const storyCount = Math.max(1, Math.round(options.articles / perStory));
  const start = Date.parse(options.start ?? '2024-01-01T00:00:00Z');
  // Stories spread over a period long enough that about 12 new stories start per day.
  const days = Math.max(1, Math.ceil(storyCount / 12));
  const stories = Array.from({ length: storyCount }, (_, i) => {
    const s = makeStory(r, i);
    s.day = Math.floor((i / storyCount) * days);
    return s;
  });
  const items: { t: number; s: Story; n: number }[] = [];
  let left = options.articles;
  for (const s of stories) {
    const n = Math.min(left, Math.max(1, Math.round(perStory * (0.4 + r() * 1.2))));
    left -= n;
    for (let k = 0; k < n; k++) items.push({ t: start + s.day * 86_400_000 + Math.floor(r() * 4 * 86_400_000), s, n: k });
  }
  for (let k = 0; left > 0; k++, left--) {
    const s = stories[k % stories.length]!;
    items.push({ t: start + s.day * 86_400_000 + Math.floor(r() * 4 * 86_400_000), s, n: 100 + k });
  }
  items.sort((a, b) => a.t - b.t || (a.s.key < b.s.key ? -1 : 1) || a.n - b.n);
  const agencyCopy = new Map<string, string>();
  for (const [i, it] of items.entries()) {
    const outlet = pick(r, OUTLETS);
    let text: string;
    const copy = agencyCopy.get(it.s.key);
    if (copy && r() < 0.25) {
      // Syndicated: the agency's text with a local intro line.
      text = `${outlet} staff contributed to this report.\n\n${copy}`;
    } else {
      text = articleText(r, it.s, it.n);
      if (outlet === AGENCY) agencyCopy.set(it.s.key, text);
    }
    const slug = `${it.s.kind.name}-${it.s.place}`.toLowerCase();
    yield {
      url: `https://${outlet.toLowerCase().replace(/\s+/g, '')}.example/${new Date(it.t).toISOString().slice(0, 10)}/${slug}-${i}`,
      outlet,
      title: `${cap(it.s.kind.name)} in ${it.s.place}: ${it.s.number} ${it.s.kind.unit.split(' ')[0]} ${pick(r, ['reported', 'feared', 'confirmed'])}`,
      published: new Date(it.t).toISOString(),
      text,
      story: it.s.key,
    };
  }
}

const direct = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (direct) {
  const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const out: string[] = [];
  for (const a of generateCorpus({ articles: arg('articles', 1000), seed: arg('seed', 1) })) {
    out.push(JSON.stringify(a));
    if (out.length >= 1000) {
      process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}
