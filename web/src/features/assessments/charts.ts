// The 考核 screen's chart: each town's villages by this year's category (a stacked bar per town),
// and the same in a sentence for a screen reader.

import type { EChartsOption } from 'echarts';
import { categoriesStackedBar } from '../../lib/chart/categories.ts';
import { categoryZh } from '../../lib/labels.ts';
import type { CategoryChange } from './api.ts';

export interface TownCategories {
  town: string;
  town_name: string;
  counts: Record<string, number>;
}

/** Villages counted by town and this year's category (villages without one are left out). */
export function categoriesByTown(changes: readonly CategoryChange[]): TownCategories[] {
  const out = new Map<string, TownCategories>();
  for (const c of changes) {
    if (c.kind !== 'village' || c.current === null || !c.town) continue;
    const t = out.get(c.town) ?? { town: c.town, town_name: c.town_name ?? c.town, counts: {} };
    t.counts[c.current] = (t.counts[c.current] ?? 0) + 1;
    out.set(c.town, t);
  }
  return [...out.values()].sort((a, b) => a.town.localeCompare(b.town));
}

export function categoriesBar(rows: readonly TownCategories[]): EChartsOption {
  return categoriesStackedBar(rows, { top: 24, bottom: 70 });
}

export function categoriesText(rows: readonly TownCategories[]): string {
  return `各镇（场）所辖村的本年度类别：${rows
    .map(
      (r) =>
        `${r.town_name}${Object.entries(r.counts)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([k, n]) => `${categoryZh(k)} ${n} 个`)
          .join('、')}`,
    )
    .join('；')}。`;
}
