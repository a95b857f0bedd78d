// The figures of a benchmark run: rates from each engine's fastest pass, per-case medians, the
// ratios against each baseline (per case, so that a sampled baseline compares fairly), the
// targets of the issue, and the table or JSON that shows them.

import { cpus } from 'node:os';
import type { Sizes } from '../src/generate/generate.ts';
import type { TimeReport } from './child.ts';
import { engineById, REFERENCE } from './engines.ts';

export interface RunInfo {
  scale: string;
  seed: string;
  counties: number;
  checked: number;
  checkedConsequences: number;
  timed: TimeReport[];
  pinned: string;
  command: string;
}

interface Rate {
  id: string;
  label: string;
  explains: boolean;
  cases: number;
  sampled: boolean;
  passes: number;
  cases_per_s: number;
  consequences_per_s: number;
  median_ms: number;
  best_pass_s: number;
  /** The same from wall-clock time. */
  wall_cases_per_s: number;
  best_pass_wall_s: number;
  peak_rss_mb: number;
}

export interface Figures {
  info: RunInfo;
  rates: Rate[];
  sizes: Sizes;
  json: Record<string, unknown>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function rateOf(t: TimeReport): Rate {
  const e = engineById(t.engine);
  const best = Math.min(...t.pass_ms) / 1000;
  return {
    id: t.engine,
    label: e.label,
    explains: e.explains,
    cases: t.cases,
    sampled: t.sampled,
    passes: t.passes,
    cases_per_s: t.cases / best,
    consequences_per_s: t.consequences / best,
    median_ms: median(t.case_ms),
    best_pass_s: best,
    wall_cases_per_s: t.cases / (Math.min(...t.pass_wall_ms) / 1000),
    best_pass_wall_s: Math.min(...t.pass_wall_ms) / 1000,
    peak_rss_mb: t.peak_rss_mb,
  };
}

const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

export function figures(info: RunInfo): Figures {
  const rates = info.timed.map(rateOf);
  const zeren = rates.find((r) => r.id === REFERENCE)!;
  const rate = (id: string) => rates.find((r) => r.id === id);
  const zen = rates.filter((r) => r.id.startsWith('zen-')).sort((a, b) => b.cases_per_s - a.cases_per_s)[0];
  const speedup = (r: Rate | undefined) => (r ? round(zeren.cases_per_s / r.cases_per_s) : null);
  const handwritten = rate('handwritten');
  const ref = info.timed.find((t) => t.engine === REFERENCE)!;
  const ratios = {
    speedup_vs_jre: speedup(rate('json-rules-engine')),
    speedup_vs_json_logic: speedup(rate('json-logic')),
    speedup_vs_zen: speedup(zen),
    slowdown_vs_handwritten: handwritten ? round(handwritten.cases_per_s / zeren.cases_per_s) : null,
  };
  const targets = {
    jre_1000x: ratios.speedup_vs_jre === null ? null : ratios.speedup_vs_jre >= 1000,
    json_logic_3x: ratios.speedup_vs_json_logic === null ? null : ratios.speedup_vs_json_logic >= 3,
    zen_20x: ratios.speedup_vs_zen === null ? null : ratios.speedup_vs_zen >= 20,
    handwritten_within_2x:
      ratios.slowdown_vs_handwritten === null ? null : ratios.slowdown_vs_handwritten <= 2,
    nation_year_30s_4gib: info.counties >= 2800 ? zeren.best_pass_s <= 30 && zeren.peak_rss_mb <= 4096 : null,
    county_median_5ms: zeren.median_ms <= 5,
  };
  const json = {
    scale: info.scale,
    seed: info.seed,
    cases: info.counties,
    ...ref.sizes,
    consequences: ref.consequences,
    withheld: ref.withheld,
    engine_cases_per_s: round(zeren.cases_per_s, 4),
    engine_consequences_per_s: round(zeren.consequences_per_s, 4),
    engine_median_ms_per_county: round(zeren.median_ms),
    engine_year_s: round(zeren.best_pass_s),
    engine_year_wall_s: round(zeren.best_pass_wall_s),
    engine_wall_cases_per_s: round(zeren.wall_cases_per_s, 4),
    peak_rss_mb: round(zeren.peak_rss_mb),
    ...ratios,
    baselines: Object.fromEntries(
      rates
        .filter((r) => r.id !== REFERENCE)
        .map((r) => [
          r.id,
          {
            label: r.label,
            cases_per_s: round(r.cases_per_s, 4),
            wall_cases_per_s: round(r.wall_cases_per_s, 4),
            cases_timed: r.cases,
            sampled: r.sampled,
            median_ms_per_county: round(r.median_ms),
            speedup: speedup(r),
            explains: r.explains,
            peak_rss_mb: round(r.peak_rss_mb),
          },
        ]),
    ),
    targets,
    check: { counties: info.checked, consequences: info.checkedConsequences, engines_agree: true },
    machine: {
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      pinned: info.pinned,
      v8: '--single-threaded-gc',
      clock: 'process CPU time (user + system) per call; wall-clock figures alongside',
    },
    command: info.command,
  };
  return { info, rates, sizes: ref.sizes, json };
}

const fmt = (x: number, digits = 3) =>
  x >= 1000 ? Math.round(x).toLocaleString('en-US') : x >= 100 ? x.toFixed(0) : x.toPrecision(digits);

export function printTable(f: Figures): string {
  const { info, rates, sizes } = f;
  const j = f.json as Record<string, number | null> & { targets: Record<string, boolean | null> };
  const zeren = rates.find((r) => r.id === REFERENCE)!;
  const lines = [
    `Zeren benchmark — ${info.scale}: ${info.counties.toLocaleString('en-US')} counties, ${sizes.towns.toLocaleString('en-US')} towns, ${sizes.villages.toLocaleString('en-US')} villages, ${sizes.county_units.toLocaleString('en-US')} county units, ${sizes.people.toLocaleString('en-US')} people (seed ${info.seed})`,
    `one core (${info.pinned}, node ${process.version} --single-threaded-gc), ${cpus()[0]?.model ?? ''}; CPU time of each call`,
    `check: all engines agree with Zeren on ${info.checked} counties (${info.checkedConsequences.toLocaleString('en-US')} consequences) and on every case timed`,
    '',
    `${'engine'.padEnd(50)}${'cases'.padStart(8)}${'cases/s'.padStart(11)}${'conseq./s'.padStart(12)}${'ms/county'.padStart(11)}${'Zeren is'.padStart(12)}${'wall c/s'.padStart(11)}`,
  ];
  for (const r of rates) {
    const vs = r.id === REFERENCE ? '' : `${fmt(zeren.cases_per_s / r.cases_per_s)}×`;
    const label = `${r.label}${r.explains ? ' (explains)' : ''}`;
    lines.push(
      `${label.padEnd(50)}${`${r.cases}${r.sampled ? '*' : ''}`.padStart(8)}${fmt(r.cases_per_s).padStart(11)}${fmt(r.consequences_per_s).padStart(12)}${fmt(r.median_ms).padStart(11)}${vs.padStart(12)}${fmt(r.wall_cases_per_s).padStart(11)}`,
    );
  }
  if (rates.some((r) => r.sampled))
    lines.push('* a sample: the first counties, as many as the time budget allows');
  lines.push('cases/s, conseq./s and ms/county (median) from CPU time; wall c/s from the wall clock');
  const t = j.targets;
  const mark = (ok: boolean | null | undefined) =>
    ok === null || ok === undefined ? '–' : ok ? 'met' : 'NOT met';
  lines.push(
    '',
    `Zeren: ${fmt(zeren.consequences_per_s)} consequences/s; the whole ${info.scale} year in ${fmt(zeren.best_pass_s)} s; median ${fmt(zeren.median_ms)} ms per county; peak RSS ${fmt(zeren.peak_rss_mb)} MB`,
    `targets: ≥1000× json-rules-engine ${mark(t.jre_1000x)} · ≥3× json-logic ${mark(t.json_logic_3x)} · ≥20× zen (best) ${mark(t.zen_20x)} · within 2× of hand-written ${mark(t.handwritten_within_2x)} · county ≤5 ms median ${mark(t.county_median_5ms)} · nation ≤30 s, ≤4 GiB ${mark(t.nation_year_30s_4gib)}`,
  );
  return `${lines.join('\n')}\n`;
}
