// The engine's public face: load a pack once (parse → check → compile), then validate and evaluate
// many cases. Pure: no file system, database, network or clock.

import { hashOf } from '../domain/canonical.ts';
import type { ZerenCase } from '../domain/case.ts';
import { fpYear } from '../domain/dates.ts';
import { InvalidInput, type Problem, type Result } from '../domain/problems.ts';
import type { ZerenResult } from '../domain/result.ts';
import type { UnitKind, Vocabulary } from '../domain/vocabulary.ts';
import { countsInYear, indexCase } from './case-index.ts';
import { Checker } from './check.ts';
import { runRules } from './evaluate.ts';
import { type NoticeFact, noticesInARow, type OneMore, oneMoreEscalates } from './notices.ts';
import { type Pack, type PackSource, parametersInForce, readPack } from './pack.ts';
import { checkDeclared, checkReadings, typed } from './readings.ts';
import { type CompiledRules, compileRules } from './rules.ts';
import { onlyTown } from './town.ts';
import { checkScores, type PolicyInfo, type TownWords, validateCase } from './validate.ts';
import {
  type CategoryChange,
  categoryViews,
  type NoticeRoute,
  noticeRoute,
  type RankingView,
  rankingViews,
} from './views.ts';

export const ENGINE_VERSION = '1.0.0';

export interface Engine {
  readonly pack: Pack;
  readonly rules: CompiledRules;
  readonly info: PolicyInfo;
  /** The pack's words with their labels (vocabulary.yaml; a town pack's: the county's and its own). */
  readonly vocabulary: Vocabulary;
  /** SHA-256 of the pack's canonical source: which rules, texts and amounts decided a result. */
  readonly packHash: string;
  /** Every interpretation with its default value. */
  readonly defaults: Readonly<Record<string, string>>;
  /**
   * Checks a case (and any interpretation overrides) without evaluating it. `towns`: the words of
   * the town packs set for the county's towns, which an assessment of a unit of that town may use.
   */
  validate(
    input: unknown,
    overrides?: Record<string, string>,
    towns?: readonly TownWords[],
  ): Result<ZerenCase>;
  /**
   * Validates, then evaluates: a result, or every problem and no result. `fired`, when given,
   * collects the blocks that gave anything (`<rule>#<block>`): the coverage of a pack's tests.
   */
  evaluate(
    input: unknown,
    overrides?: Record<string, string>,
    fired?: Set<string>,
    towns?: readonly TownWords[],
  ): Result<ZerenResult>;
  /** Evaluates a case already validated by this engine (the store validates on import). */
  evaluateValid(c: ZerenCase, overrides?: Record<string, string>, fired?: Set<string>): ZerenResult;
  /** The interpretations in force for a case: defaults, then the case's, then the overrides. */
  interpretationsFor(c: ZerenCase, overrides?: Record<string, string>): Record<string, string>;
  /** Every ranking the rules make of a valid case, as they make it (see views.ts). */
  rankings(c: ZerenCase, overrides?: Record<string, string>): RankingView[];
  /** The category changes of the towns and villages the rules read for 类别升级. */
  categories(c: ZerenCase): CategoryChange[];
  /** Warning notices under a reading (the defaults, then `reading`): the pack's 连续二次 and its consequence. */
  notices(reading: Record<string, string>): NoticeReading;
  /** Whether a post or link held from–to counts for an FP year under a reading (I1). */
  countsInYear(
    reading: Record<string, string>,
    year: number,
  ): (from?: string | null, to?: string | null) => boolean;
  /** The consequence types the pack forwards as personnel recommendations. */
  readonly personnel: ReadonlySet<string>;
}

export interface NoticeReading {
  /** The clause the rules for notices in a row cite, if the pack has any. */
  clause: string | undefined;
  /** Every unit given two notices in a row, with the pair. */
  inARow<T extends NoticeFact>(notices: readonly T[]): Map<string, [T, T]>;
  /** The units one more notice would escalate. */
  oneMore<T extends NoticeFact>(notices: readonly T[]): Map<string, OneMore<T>>;
  /** What two in a row lead to for a unit of a kind; undefined: no rule reads that kind. */
  route(kind: UnitKind): NoticeRoute | undefined;
}

/**
 * Loads a pack; throws InvalidInput listing every problem of a pack that does not check. A town
 * pack (七) is loaded beside the county engine it extends (`base`): it reads the county's cases
 * and readings, and decides only for its own town (town.ts).
 */
export function createEngine(src: PackSource, base?: Engine): Engine {
  const pack = readPack(src, base?.pack);
  const c = new Checker();
  const rules = compileRules(pack, c);
  checkReadings(pack, c);
  checkDeclared(
    pack,
    rules.rules.flatMap((r) =>
      r.blocks.flatMap((b) => b.deps.map((d): [string, string] => [`rules.yaml(${r.id})`, d])),
    ),
    c,
  );
  if (pack.kind === 'town' && rules.withhold)
    c.add(
      'rules.yaml.withhold',
      'town_withhold',
      '镇策略包不能改变县策略包的后果（不能暂缓兑现）',
      "a town pack cannot change the county pack's consequences (no withholding)",
    );
  if (c.problems.length > 0) throw new InvalidInput(c.problems);

  const defaults: Record<string, string> = {};
  const values: Record<string, string[]> = {};
  for (const it of pack.interpretations.values()) {
    defaults[it.id] = it.default;
    values[it.id] = Object.keys(it.values);
  }
  // A town pack reads the county's cases: they name the county pack.
  const info: PolicyInfo = {
    id: base ? base.pack.id : pack.id,
    firstFpYear: Math.max(pack.firstFpYear, base?.pack.firstFpYear ?? 0),
    interpretations: values,
    vocabulary: pack.vocabulary,
  };
  const paramsByYear = new Map<number, ReturnType<typeof parametersInForce>>();
  const paramsFor = (year: number) => {
    let p = paramsByYear.get(year);
    if (!p) {
      p = parametersInForce(pack, fpYear(year).start);
      paramsByYear.set(year, p);
    }
    return p;
  };

  const checkOverrides = (overrides: Record<string, string> | undefined): Problem[] => {
    const problems: Problem[] = [];
    for (const [id, v] of Object.entries(overrides ?? {})) {
      const allowed = values[id];
      if (!allowed)
        problems.push({
          path: `--set ${id}`,
          code: 'unknown_interpretation',
          zh: `没有解释 ${id}`,
          en: `no interpretation ${id}`,
        });
      else if (!allowed.includes(v))
        problems.push({
          path: `--set ${id}`,
          code: 'enum',
          zh: `解释 ${id} 没有取值“${v}”，应为：${allowed.join('、')}`,
          en: `interpretation ${id} has no value "${v}"; use one of: ${allowed.join(', ')}`,
        });
    }
    return problems;
  };

  const engine: Engine = {
    pack,
    rules,
    info,
    vocabulary: pack.vocabulary,
    packHash: hashOf(src),
    defaults,
    interpretationsFor: (cs, overrides) => ({
      ...defaults,
      ...(cs.interpretations ?? {}),
      ...(overrides ?? {}),
    }),
    validate(input, overrides, towns) {
      const v = validateCase(input, info, towns);
      const problems = [...(v.ok ? [] : v.problems), ...checkOverrides(overrides)];
      if (v.ok && problems.length === 0) {
        const { values, missing } = paramsFor(v.value.fp_year);
        problems.push(...missing);
        if (missing.length === 0)
          problems.push(
            ...checkScores(v.value, values, (p) => pack.parameters.get(p)?.clause ?? '', pack.vocabulary),
          );
        if (problems.length === 0) return { ok: true, value: v.value };
      }
      return { ok: false, problems };
    },
    evaluate(input, overrides, fired, towns) {
      const v = engine.validate(input, overrides, towns);
      return v.ok ? { ok: true, value: engine.evaluateValid(v.value, overrides, fired) } : v;
    },
    rankings(cs, overrides) {
      const interp = engine.interpretationsFor(cs, overrides);
      return rankingViews(indexCase(cs, interp, paramsFor(cs.fp_year).values, pack.vocabulary), rules);
    },
    categories(cs) {
      return categoryViews(
        indexCase(cs, engine.interpretationsFor(cs), paramsFor(cs.fp_year).values, pack.vocabulary),
        rules,
      );
    },
    notices(reading) {
      const interp = { ...defaults, ...reading };
      const i13 = typed(interp).I13;
      return {
        clause: rules.rules.find((r) => r.gen.notices)?.clause,
        inARow: (list) => noticesInARow(list, i13),
        oneMore: (list) => oneMoreEscalates(list, i13),
        route: (kind) => noticeRoute(rules, kind, interp),
      };
    },
    countsInYear: (reading, year) => countsInYear(typed({ ...defaults, ...reading }), fpYear(year)),
    personnel: rules.personnel,
    evaluateValid(cs, overrides, fired) {
      const interp = engine.interpretationsFor(cs, overrides);
      const ix = indexCase(cs, interp, paramsFor(cs.fp_year).values, pack.vocabulary);
      const result = runRules(ix, rules, pack.clauses, pack.id, fired);
      return pack.appliesTo ? onlyTown(result, cs, pack.appliesTo) : result;
    },
  };
  return engine;
}
