// The demo county `npm start` seeds on first start: a generated county (10–11 towns, about 110
// villages, 20–22 county units, Chinese names) with two FP years of plausible facts, imported
// through the store like any office's data, and one account per role.

import type { CasePerson, CasePost, ZerenCase } from '../domain/case.ts';
import { addDays, covers, fpYear } from '../domain/dates.ts';
import { generateCounty } from '../generate/generate.ts';
import { personName } from '../generate/names.ts';
import { Random } from '../generate/prng.ts';
import { SYSTEM } from '../store/audit.ts';
import { createCounty } from '../store/cases.ts';
import type { Ctx } from '../store/ctx.ts';
import { systemScope, type UserRole } from '../store/scope.ts';
import { setTownPacks } from '../store/town-packs.ts';
import { createUser } from '../store/users.ts';
import { importCase } from '../store/year-import.ts';

export const DEMO_COUNTY = 'demo';
/** The example town pack (七) the demo's first town follows: the office sees its rewards and fines apart. */
export const DEMO_TOWN_PACK = 'example-town-dongfeng';
const SEED = 2009;
const SHAPE = { towns: [10, 11], villagesPerTown: [10, 11], countyUnits: [20, 22] } as const satisfies Record<
  string,
  [number, number]
>;

export interface DemoAccount {
  username: string;
  password: string;
  role: UserRole;
  unit?: string;
  zh: string;
  /** The person's name, as documents print it. */
  name: string;
}

/**
 * The year after: the same county and people; posts and links held at the end of the year go on,
 * a few change hands during it; the year's assessments and events are drawn afresh.
 */
export function nextYear(prev: ZerenCase, seed: number): ZerenCase {
  const year = prev.fp_year + 1;
  const y = fpYear(year);
  const fresh = generateCounty(SEED, 0, { ...SHAPE, fpYear: year });
  const r = new Random(seed);
  const lastDay = fpYear(prev.fp_year).end;
  const people: CasePerson[] = [...(prev.people ?? [])];
  const posts: CasePost[] = [];
  let n = 0;
  for (const p of prev.posts ?? []) {
    if (!covers(p.from, p.to, lastDay)) continue;
    if (p.to === undefined && r.chance(0.06)) {
      // The post changes hands during the year: the holder leaves, a newcomer takes over.
      const handover = addDays(y.start, r.int(30, 330));
      posts.push({ ...p, to: addDays(handover, -1) });
      const id = `${prev.units[0]!.id}-P${year}-${String(++n).padStart(3, '0')}`;
      people.push({ id, name: personName(r) });
      posts.push({ person: id, unit: p.unit, role: p.role, from: handover });
    } else posts.push(p);
  }
  const links = (prev.links ?? []).filter((l) => covers(l.from, l.to, lastDay));
  const categories = [
    ...(prev.categories ?? []).filter((c) => c.fp_year === prev.fp_year),
    ...(fresh.categories ?? []).filter((c) => c.fp_year === year),
  ];
  return {
    ...fresh,
    people,
    posts,
    links,
    categories,
    warning_notices: (fresh.warning_notices ?? []).map((w) => ({ ...w, id: `${w.id}-${year}` })),
  };
}

export function demoCases(): ZerenCase[] {
  const first = generateCounty(SEED, 0, SHAPE);
  return [first, nextYear(first, SEED + 1)];
}

export async function seedDemo(ctx: Ctx): Promise<DemoAccount[]> {
  const [y1, y2] = demoCases() as [ZerenCase, ZerenCase];
  const county = y1.units.find((u) => u.kind === 'county')!;
  await createCounty(ctx, SYSTEM, { id: DEMO_COUNTY, name: `${county.name}（示范）` });
  const office = systemScope(DEMO_COUNTY, { name: 'demo-seed', role: 'system' });
  await importCase(ctx, office, DEMO_COUNTY, y1.fp_year, y1);
  await importCase(ctx, office, DEMO_COUNTY, y2.fp_year, y2);
  const town = y1.units.find((u) => u.kind === 'town')!;
  const unit = y1.units.find((u) => u.kind === 'county_unit')!;
  await setTownPacks(ctx, office, DEMO_COUNTY, town.id, [{ pack: DEMO_TOWN_PACK, from_year: y1.fp_year }]);
  const accounts: DemoAccount[] = [
    { username: 'admin', password: 'demo-admin-2009', role: 'admin', zh: '系统管理员', name: '孙浩' },
    { username: 'office', password: 'demo-office-2009', role: 'office', zh: '县人口考核办', name: '王志刚' },
    {
      username: 'town',
      password: 'demo-town-2009',
      role: 'town',
      unit: town.id,
      zh: `镇（场）：${town.name}`,
      name: '刘建华',
    },
    {
      username: 'unit',
      password: 'demo-unit-2009',
      role: 'unit',
      unit: unit.id,
      zh: `县直单位：${unit.name}`,
      name: '陈晓梅',
    },
    { username: 'finance', password: 'demo-finance-2009', role: 'finance', zh: '县财政局', name: '张丽' },
    {
      username: 'auditor',
      password: 'demo-auditor-2009',
      role: 'auditor',
      zh: '纪委、审计（只读）',
      name: '周文斌',
    },
  ];
  for (const a of accounts)
    await createUser(ctx, SYSTEM, {
      username: a.username,
      password: a.password,
      role: a.role,
      county: a.role === 'admin' ? null : DEMO_COUNTY,
      unit: a.unit ?? null,
      display_name: a.name,
    });
  return accounts;
}
