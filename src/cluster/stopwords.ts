/**
 * English function words and newsroom filler that say nothing about which event an article reports.
 * General knowledge (closed-class words, reporting verbs, weekday/month names), not tuned to any story.
 * Kept as code rather than a data file because the clusterer is on the hot path of ingest.
 */
const WORDS = `a about above after again against ago all almost also although always am among an and another any
are aren around as at away back be became because become been before being below between both but by can cannot
could couldn did didn do does doesn doing don done down during each either else even ever every few for from
further get gets getting got had hadn has hasn have haven having he her here hers herself him himself his how however
i if in into is isn it its itself just last least less let like made make many may me might more most much must my
myself near need never new next no nor not now of off often on once one only or other others our ours ourselves out
over own per perhaps put rather really said same say says saying see seen shall she should shouldn since so some
still such than that the their theirs them themselves then there these they this those though through thus to told
too toward towards under until up upon us use used very via was wasn way we were weren what whatever when where
whether which while who whom whose why will with within without won would wouldn yet you your yours yourself
yourselves also told according reported reports report reporting news today yesterday tomorrow week weeks year
years month months day days time times monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr
am pm two three four five six seven eight nine ten first second third people percent including including`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Month names, for recognising calendar dates ("June 13") as date features. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].flatMap(
    (m, i) => [[m, i + 1] as const, [m.slice(0, 3), i + 1] as const],
  ),
);
