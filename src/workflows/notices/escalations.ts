// The office's view of 四(三)2(2) for a county's FP year, before it is evaluated: which units were
// given two warning notices in a row (I13, the county's reading for the year or a previewed
// one), what the pack's rules for them apply to each (I7) and whose admonishment talk they call
// for; and which units one more notice would escalate. The engine answers all of it from the
// rules (engine.notices); a town or unit sees its own.

import { fpYear } from '../../domain/dates.ts';
import { type Problem, problem } from '../../domain/problems.ts';
import { roleZh, type UnitKind } from '../../domain/vocabulary.ts';
import { clauseLabel } from '../../engine/clauses.ts';
import { getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { invalid, notFound } from '../../store/errors.ts';
import type { Scope } from '../../store/scope.ts';
import { type NoticeView, noticesQuery, noticeView } from './notices.ts';

export interface Escalation {
  unit: NoticeView['unit'];
  notices: [NoticeView, NoticeView];
  /** The clause whose consequences are applied (I7), or null where none applies. */
  applies: string | null;
  applies_label: string | null;
  consequence_zh: string;
  consequence_en: string;
  talk: { person: { id: string; name: string }; role: string; role_zh: string }[];
}

export interface AtRisk {
  unit: NoticeView['unit'];
  latest: NoticeView;
  zh: string;
  en: string;
}

const PREVIEWABLE = ['I13', 'I7'] as const;

export async function escalations(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  preview: Partial<Record<(typeof PREVIEWABLE)[number], string>> = {},
) {
  if (scope.county !== county) throw notFound('县', county);
  const engine = ctx.engine((await getCounty(ctx.db, county)).policy);
  const problems: Problem[] = [];
  for (const id of PREVIEWABLE) {
    const v = preview[id];
    const values = engine.info.interpretations[id] ?? [];
    if (v !== undefined && !values.includes(v))
      problems.push(
        problem(id, 'enum', `应为：${values.join('、')}`, `must be one of: ${values.join(', ')}`),
      );
  }
  if (problems.length) throw invalid(problems);
  const settings = await ctx.db
    .selectFrom('county_years')
    .select('interpretations')
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .executeTakeFirst();
  const stored = settings ? (JSON.parse(settings.interpretations) as Record<string, string>) : {};
  const clean = Object.fromEntries(Object.entries(preview).filter(([, v]) => v !== undefined));
  const reading = { ...engine.defaults, ...stored, ...clean };
  const notices = engine.notices(reading);

  const y = fpYear(year);
  const rows = await noticesQuery(ctx.db, county)
    .where('n.retracted_at', 'is', null)
    .where('n.issued_on', '>=', y.start)
    .where('n.issued_on', '<=', y.end)
    .execute();
  const mine = scope.units === null ? rows : rows.filter((r) => scope.units!.includes(r.unit_id));
  const facts = mine.map((r) => ({ ...r, unit: r.unit_id }));
  const pairs = notices.inARow(facts);
  const pending = notices.oneMore(facts);

  // Who holds the posts a talk is for: a post counts for the year as every clause reads it (I1).
  const units = [...pairs.keys()];
  const posts = units.length
    ? await ctx.db
        .selectFrom('posts as p')
        .innerJoin('people as pe', (j) =>
          j.onRef('pe.county_id', '=', 'p.county_id').onRef('pe.id', '=', 'p.person_id'),
        )
        .select(['p.unit_id', 'p.role', 'p.from_date', 'p.to_date', 'pe.id', 'pe.name'])
        .where('p.county_id', '=', county)
        .where('p.retracted_at', 'is', null)
        .where('p.unit_id', 'in', units)
        .orderBy('p.person_id')
        .execute()
    : [];
  const held = engine.countsInYear(reading, year);
  const counts = (p: (typeof posts)[number]) => held(p.from_date, p.to_date);

  const escalated: Escalation[] = [];
  for (const [unit, [a, b]] of pairs) {
    const kind = a.unit_kind as UnitKind;
    const route = notices.route(kind);
    const applies = route?.applies ?? null;
    const roles = route?.talk ?? [];
    const cited = clauseLabel(route?.clause ?? '');
    const talk = posts
      .filter((p) => p.unit_id === unit && roles.includes(p.role) && counts(p))
      .map((p) => ({
        person: { id: p.id, name: p.name },
        role: p.role,
        role_zh: roleZh(engine.vocabulary, kind, p.role),
      }))
      .filter((t, i, all) => all.findIndex((o) => o.person.id === t.person.id) === i);
    escalated.push({
      unit: noticeView(a, engine.vocabulary).unit,
      notices: [noticeView(a, engine.vocabulary), noticeView(b, engine.vocabulary)],
      applies,
      applies_label: applies && clauseLabel(applies),
      consequence_zh: applies
        ? `年度计生工作予以提醒注意，按${clauseLabel(applies)}处理（${cited}）`
        : `按现行解释，${cited}对此类单位不适用提醒注意项`,
      consequence_en: applies
        ? `the FP year is rated "reminder" and handled as ${applies} (${route?.clause})`
        : `under the reading in force no "reminder" item of ${route?.clause ?? 'the policy'} applies`,
      talk,
    });
  }
  const atRisk: AtRisk[] = [...pending.values()].map(({ latest: n, unlessCorrected }) => {
    const clause = notices.route(n.unit_kind as UnitKind)?.clause ?? '';
    return {
      unit: noticeView(n, engine.vocabulary).unit,
      latest: noticeView(n, engine.vocabulary),
      zh: `再下发一次警示通知书即按${clauseLabel(clause)}处理${unlessCorrected ? '，除非此前验收整改' : ''}`,
      en: `one more notice escalates under ${clause}${unlessCorrected ? ' unless the correction is verified first' : ''}`,
    };
  });
  const byUnit = (x: { unit: { id: string } }, z: { unit: { id: string } }) =>
    x.unit.id < z.unit.id ? -1 : 1;
  return {
    county,
    fp_year: year,
    interpretations: { I13: reading.I13 ?? '', I7: reading.I7 ?? '', I1: reading.I1 ?? '' },
    preview: Object.keys(clean).length > 0,
    escalated: escalated.sort(byUnit),
    one_more_escalates: atRisk.sort(byUnit),
  };
}
