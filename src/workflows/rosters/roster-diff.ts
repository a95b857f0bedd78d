// What a roster changes: against the stored facts of its year (the rows accepting it creates,
// re-dates and ends — the same plan `acceptRoster` carries out) and against last year (who came,
// who went, whose dates changed). Every entry carries the Chinese a person reads.

import type { CasePerson } from '../../domain/case.ts';
import { addDays, fpYear } from '../../domain/dates.ts';
import { roleZh, wordZh } from '../../domain/vocabulary.ts';
import type { FactFields } from '../../store/fact-kinds.ts';
import {
  type Keyed,
  linkKey,
  postKey,
  type RosterContent,
  type RosterLink,
  type RosterPost,
  type Setting,
  type StoredPerson,
} from './roster-content.ts';

type Dated = { from?: string; to?: string };
type Fact = RosterPost | RosterLink;

export interface FactPlan<T> {
  create: T[];
  update: { row: FactFields; dates: Dated }[];
  end: { row: FactFields; end: ReturnType<typeof endOf> }[];
}

export interface Plan {
  people: { create: CasePerson[]; update: { before: StoredPerson; after: CasePerson }[] };
  posts: FactPlan<RosterPost>;
  links: FactPlan<RosterLink>;
}

const staff = (p: { staff_type?: string }) => p.staff_type ?? 'civil_servant';

function planFacts<T extends Fact>(
  listed: T[],
  rows: FactFields[],
  key: (x: Keyed) => string,
  year: number,
): FactPlan<T> {
  const { pairs, added, removed } = pairUp(listed, rows as (FactFields & Dated)[], key);
  return {
    create: added,
    update: pairs.flatMap(([a, row]) => {
      const dates = datesAfter(a, row);
      return dates ? [{ row, dates }] : [];
    }),
    end: removed.map((row) => ({ row, end: endOf(row, year) })),
  };
}

/** The rows accepting `content` writes, given the stored rows of the year and the known people. */
export function planChanges(
  content: RosterContent,
  rows: { posts: FactFields[]; links: FactFields[] },
  known: Map<string, StoredPerson>,
  year: number,
): Plan {
  const people: Plan['people'] = { create: [], update: [] };
  for (const p of content.people) {
    const before = known.get(p.id);
    if (!before) people.create.push(p);
    else if (staff(before) !== staff(p)) people.update.push({ before, after: p });
  }
  return {
    people,
    posts: planFacts(content.posts, rows.posts, postKey, year),
    links: planFacts(content.links, rows.links, linkKey, year),
  };
}

export interface DiffEntry {
  kind: 'post' | 'stationed' | 'unit_village' | 'person';
  zh: string;
  person?: string;
  person_name?: string;
  unit?: string;
  unit_name?: string;
  role?: string;
  role_zh?: string;
  village?: string;
  village_name?: string;
  from?: string;
  to?: string;
  before?: Record<string, string | undefined>;
  after?: Record<string, string | undefined>;
  /** For a stored row the roster ends: closed on a date, or retracted. */
  end?: { how: 'close'; on: string } | { how: 'retract' };
}

export interface Diff {
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: DiffEntry[];
}

type Names = (id: string) => string;

export function namesOf(...lists: Iterable<{ id: string; name: string }>[]): Names {
  const m = new Map<string, string>();
  for (const list of lists) for (const p of list) if (!m.has(p.id)) m.set(p.id, p.name);
  return (id) => m.get(id) ?? id;
}

const staffZh = (s: Setting, t: string) => wordZh(s.words, 'staff_types', t);

/** One post or link as a person reads it: the Chinese line, names of its person and units, its dates. */
export function entryOf(x: Fact | FactFields, names: Names, s: Setting): DiffEntry {
  const f = x as Fact;
  const unitName = (id: string) => s.units.find((u) => u.id === id)?.name ?? id;
  const base = {
    zh: labelOf(f, names, s),
    ...('person' in f && { person: f.person, person_name: names(f.person) }),
    ...('unit' in f && { unit: f.unit, unit_name: unitName(f.unit) }),
    ...(f.from && { from: f.from }),
    ...(f.to && { to: f.to }),
  };
  if ('role' in f) {
    const kind = s.units.find((u) => u.id === f.unit)?.kind ?? 'town';
    return { kind: 'post', ...base, role: f.role, role_zh: roleZh(s.words, kind, f.role) };
  }
  return { kind: f.kind, ...base, village: f.village, village_name: unitName(f.village) };
}

const period = (d: Dated) => ({ from: d.from, to: d.to });
const ofRow = (row: FactFields): Fact => {
  const { id, created_at, updated_at, retracted_at, retract_reason, ...rest } = row;
  return rest as unknown as Fact;
};

/** The plan as a diff against the stored facts of the year. */
export function planDiff(plan: Plan, names: Names, s: Setting): Diff {
  const diff: Diff = { added: [], removed: [], changed: [] };
  for (const p of plan.people.create)
    diff.added.push({
      kind: 'person',
      zh: `新增人员 ${p.name}（${p.id}）`,
      person: p.id,
      person_name: p.name,
    });
  for (const { before, after } of plan.people.update)
    diff.changed.push({
      kind: 'person',
      zh: `${after.name}（${after.id}）人员类别：${staffZh(s, staff(before))} → ${staffZh(s, staff(after))}`,
      person: after.id,
      person_name: after.name,
      before: { staff_type: staff(before) },
      after: { staff_type: staff(after) },
    });
  for (const f of [plan.posts, plan.links] as FactPlan<Fact>[]) {
    for (const x of f.create) diff.added.push(entryOf(x, names, s));
    for (const { row, dates } of f.update)
      diff.changed.push({
        ...entryOf({ ...ofRow(row), ...dates }, names, s),
        before: period(row),
        after: period(dates),
      });
    for (const { row, end } of f.end) diff.removed.push({ ...entryOf(ofRow(row), names, s), end });
  }
  return diff;
}

/** Who came, who went and whose dates changed between two rosters (last year's and this one). */
export function compareContents(now: RosterContent, before: RosterContent, names: Names, s: Setting): Diff {
  const diff: Diff = { added: [], removed: [], changed: [] };
  const sides: [Fact[], Fact[], (x: Keyed) => string][] = [
    [now.posts, before.posts, postKey],
    [now.links, before.links, linkKey],
  ];
  for (const [a, b, key] of sides) {
    const { pairs, added, removed } = pairUp(a, b, key);
    for (const x of added) diff.added.push(entryOf(x, names, s));
    for (const x of removed) diff.removed.push(entryOf(x, names, s));
    for (const [x, y] of pairs)
      if (x.from !== y.from || x.to !== y.to)
        diff.changed.push({ ...entryOf(x, names, s), before: period(y), after: period(x) });
  }
  return diff;
}

/**
 * Pairs what a roster lists with what is there (stored rows, or another roster), by the same post
 * (person, unit, role) or link (kind, person or unit, village): first those with the same `from`,
 * then the rest in order of `from`. Returns the pairs, and what is left on each side.
 */
export function pairUp<A extends Dated & Keyed, B extends Dated & Keyed>(
  listed: A[],
  there: B[],
  key: (x: Keyed) => string,
): { pairs: [A, B][]; added: A[]; removed: B[] } {
  const byFrom = (a: Dated, b: Dated) => (a.from ?? '').localeCompare(b.from ?? '');
  const pool = new Map<string, B[]>();
  for (const b of [...there].sort(byFrom)) pool.set(key(b), [...(pool.get(key(b)) ?? []), b]);
  const pairs: [A, B][] = [];
  const added: A[] = [];
  const later: A[] = [];
  for (const a of listed) {
    const list = pool.get(key(a)) ?? [];
    const i = a.from === undefined ? -1 : list.findIndex((b) => b.from === a.from);
    if (i >= 0) pairs.push([a, list.splice(i, 1)[0]!]);
    else later.push(a);
  }
  for (const a of [...later].sort(byFrom)) {
    const b = pool.get(key(a))?.shift();
    if (b) pairs.push([a, b]);
    else added.push(a);
  }
  return { pairs, added, removed: [...pool.values()].flat() };
}

/** What accepting a roster does to one stored post or link it lists again (null: nothing). */
export function datesAfter(listed: Dated, stored: Dated): Dated | null {
  // No `from` in the roster keeps the stored start: the roster says who holds it this year.
  const from = listed.from ?? stored.from;
  const to = listed.to;
  return from === stored.from && to === stored.to ? null : { ...(from && { from }), ...(to && { to }) };
}

/**
 * How a stored post or link the roster no longer lists ends: one that began before the FP year
 * (or whose start is unknown) ends the day before the year starts, as a case import closes it;
 * one that began within the year is retracted.
 */
export function endOf(stored: Dated, year: number): { how: 'close'; on: string } | { how: 'retract' } {
  const y = fpYear(year);
  return stored.from === undefined || stored.from < y.start
    ? { how: 'close', on: addDays(y.start, -1) }
    : { how: 'retract' };
}

/** The Chinese a person reads: `东风镇 党委书记：张书记（2005-06-01 起）`, `孙委员 驻（挂钩联系）红星村`. */
export function labelOf(x: RosterPost | RosterLink, names: (id: string) => string, s: Setting): string {
  const unitName = (id: string) => s.units.find((u) => u.id === id)?.name ?? id;
  const period =
    x.from && x.to ? `（${x.from} 至 ${x.to}）` : x.from ? `（${x.from} 起）` : x.to ? `（至 ${x.to}）` : '';
  if ('role' in x) {
    const kind = s.units.find((u) => u.id === x.unit)?.kind ?? 'town';
    return `${unitName(x.unit)} ${roleZh(s.words, kind, x.role)}：${names(x.person)}${period}`;
  }
  if (x.kind === 'stationed') return `${names(x.person)} 驻（挂钩联系）${unitName(x.village)}${period}`;
  return `${unitName(x.unit)} 挂钩 ${unitName(x.village)}${period}`;
}
