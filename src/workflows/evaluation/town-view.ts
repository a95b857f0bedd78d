// A town pack's (七) result as the office reads it beside the county's: the same lines, totals and
// clauses as the 奖惩评定 screen's (evaluation-view.ts), in a section of its own titled with the
// pack's short name (东风镇办法（镇级）), every clause labelled as the town's (东风镇办法二).

import { clauseLabel } from '../../engine/clauses.ts';
import type { Pack } from '../../engine/pack.ts';
import type { Ctx } from '../../store/ctx.ts';
import type { TownResult } from '../../store/town-evaluations.ts';
import { unitName } from '../documents/common.ts';
import type { Names } from '../reports/reports.ts';
import { evaluationView } from './evaluation-view.ts';

/** The engine of a pack, as the ctx gives it (ctx.engine). */
type Engines = Pick<Ctx, 'engine'>;

/** Whose rules gave a consequence, as the 来源 column says it: 县级办法, or the town pack's short name (东风镇办法). */
export function sourceZh(ctx: Engines, pack: string | null): string {
  if (pack === null) return '县级办法';
  try {
    const p = ctx.engine(pack).pack;
    return p.clausePrefix ?? p.title;
  } catch {
    return pack;
  }
}

/** A clause as cited: the county's (四（三）1), or a town pack's under its short name (东风镇办法二). */
export function sourceClauseZh(ctx: Engines, pack: string | null, clause: string): string {
  if (pack === null) return clauseLabel(clause);
  try {
    return ctx.engine(pack).pack.clauses.get(clause)?.label ?? clause;
  } catch {
    return clause;
  }
}

/** 东风镇办法（镇级）: the title of a town pack's section or column group. */
export function townSectionZh(pack: Pack): string {
  return `${pack.clausePrefix ?? pack.title}（镇级）`;
}

/** A town pack's result with its view, its clauses labelled as the town's; `pack` is its pack, applied to its town. */
export function townView(t: TownResult, names: Names, pack: Pack) {
  const label = (id: string) => pack.clauses.get(id)?.label ?? id;
  const view = evaluationView(t.result, names, pack);
  return {
    town: t.town,
    town_name: unitName(names, t.town),
    pack: t.pack,
    title: pack.title,
    section_zh: townSectionZh(pack),
    pack_hash: t.pack_hash,
    result_sha256: t.result_sha256,
    result: t.result,
    view: {
      ...view,
      lines: view.lines.map((l) => ({
        ...l,
        clause_label: label(l.clause),
        applies_label: l.applies ? label(l.applies) : null,
      })),
      clauses: Object.fromEntries(
        Object.entries(view.clauses).map(([id, c]) => [id, { ...c, label: label(id) }]),
      ),
      // A town pack reads the county's readings: they are shown once, with the county's result.
      readings: [],
    },
  };
}

/** A report's lines and withheld lines with their clauses labelled by `label` (a town pack's). */
export function relabelled<
  R extends {
    groups: {
      lines: { clause: string; clause_label: string; applies: string | null; applies_label: string | null }[];
    }[];
    withheld: { clause: string; clause_label: string }[];
  },
>(r: R, label: (clause: string) => string): R {
  return {
    ...r,
    groups: r.groups.map((g) => ({
      ...g,
      lines: g.lines.map((l) => ({
        ...l,
        clause_label: label(l.clause),
        applies_label: l.applies ? label(l.applies) : null,
      })),
    })),
    withheld: r.withheld.map((w) => ({ ...w, clause_label: label(w.clause) })),
  };
}
