// The county as a tree, built from the flat list the server gives: the county, its towns, each
// town's villages; the county units beside, under their own heading. A search keeps the units whose
// name or id matches and the towns above them.

import { fpYear } from '../../lib/format.ts';
import type { TreeUnit } from './api.ts';

export interface UnitNode {
  key: string;
  title: string;
  unit: TreeUnit | null;
  selectable: boolean;
  children: UnitNode[];
}

/** The heading the county units are listed under (not a unit: it cannot be selected). */
export const COUNTY_UNITS_KEY = 'group:county_units';

const label = (u: TreeUnit) => (u.category_zh ? `${u.name}（${u.category_zh}）` : u.name);
const node = (u: TreeUnit, children: UnitNode[] = []): UnitNode => ({
  key: u.id,
  title: label(u),
  unit: u,
  selectable: true,
  children,
});

function matches(u: TreeUnit, q: string): boolean {
  return u.name.includes(q) || u.id.toLowerCase().includes(q.toLowerCase());
}

export function buildTree(units: readonly TreeUnit[], search = ''): UnitNode[] {
  const q = search.trim();
  const keep = (u: TreeUnit) => q === '' || matches(u, q);
  const towns = units.filter((u) => u.kind === 'town');
  const townIds = new Set(towns.map((t) => t.id));
  const villagesOf = new Map<string, TreeUnit[]>();
  const loose: TreeUnit[] = [];
  for (const v of units.filter((u) => u.kind === 'village')) {
    if (v.town && townIds.has(v.town)) villagesOf.set(v.town, [...(villagesOf.get(v.town) ?? []), v]);
    else loose.push(v);
  }
  const townNodes = towns.flatMap((t) => {
    const villages = (villagesOf.get(t.id) ?? []).filter(keep).map((v) => node(v));
    return keep(t) || villages.length ? [node(t, villages)] : [];
  });
  const places = [...townNodes, ...loose.filter(keep).map((v) => node(v))];
  const out: UnitNode[] = [];
  const county = units.find((u) => u.kind === 'county');
  if (county && (keep(county) || places.length)) out.push(node(county, places));
  else out.push(...places);
  const countyUnits = units.filter((u) => u.kind === 'county_unit' && keep(u)).map((u) => node(u));
  if (countyUnits.length)
    out.push({
      key: COUNTY_UNITS_KEY,
      // The kind's name as the county's pack gives it (every unit carries it).
      title: countyUnits[0]!.unit!.kind_zh,
      unit: null,
      selectable: false,
      children: countyUnits,
    });
  return out;
}

/** The nodes to open at first: the county and, when searching, every town with a match below it. */
export function openKeys(nodes: readonly UnitNode[], searching: boolean): string[] {
  const keys: string[] = [];
  const walk = (list: readonly UnitNode[], depth: number) => {
    for (const n of list)
      if (n.children.length && (depth === 0 || searching)) {
        keys.push(n.key);
        walk(n.children, depth + 1);
      }
  };
  walk(nodes, 0);
  return keys;
}

export function countUnits(nodes: readonly UnitNode[]): number {
  return nodes.reduce((n, x) => n + (x.unit ? 1 : 0) + countUnits(x.children), 0);
}

/** The day the screen opens on: today when it falls in the FP year picked, else that year's last day. */
export function dayInYear(today: string, year: number): string {
  const y = fpYear(year);
  return today >= y.start && today <= y.end ? today : today < y.start ? y.start : y.end;
}
