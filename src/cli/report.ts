// The readable Chinese report of a result: grouped by town, village, county unit and person, with
// the withheld entries and the totals. Pure: a case and a result in, text out.

import type { ZerenCase } from '../domain/case.ts';
import { formatYuan, yuanText } from '../domain/money.ts';
import type { Consequence, Withheld, ZerenResult } from '../domain/result.ts';
import { roleZh, unitKindZh, type Vocabulary, withheldReasonZh } from '../domain/vocabulary.ts';
import { clauseLabel } from '../engine/clauses.ts';
import { consequenceText } from '../engine/explain.ts';

/** How a clause is named: 三（一）2, or a town pack's 东风镇办法二 (the pack's own labels). */
export type ClauseLabel = (id: string) => string;

export function describe(
  c: Consequence | Withheld,
  words: Vocabulary,
  label: ClauseLabel = clauseLabel,
): string {
  const text = consequenceText(
    { ...c, fen: c.amount_yuan === undefined ? undefined : c.amount_yuan * 100 },
    words,
  );
  const applies = c.applies ? `（按${label(c.applies)}处理）` : '';
  return `${label(c.clause)}${applies}  ${text}`;
}

export interface ResultTotals {
  rewardsYuan: number;
  rewards: number;
  finesYuan: number;
  fines: number;
  vetoes: number;
  withheldYuan: number;
  withheld: number;
}

export function totals(r: ZerenResult): ResultTotals {
  const t: ResultTotals = {
    rewardsYuan: 0,
    rewards: 0,
    finesYuan: 0,
    fines: 0,
    vetoes: 0,
    withheldYuan: 0,
    withheld: r.withheld.length,
  };
  for (const c of r.consequences) {
    if (c.type === 'reward') {
      t.rewards++;
      t.rewardsYuan += c.amount_yuan!;
    } else if (c.type === 'fine') {
      t.fines++;
      t.finesYuan += c.amount_yuan!;
    } else if (c.type === 'award_veto') t.vetoes++;
  }
  for (const w of r.withheld) t.withheldYuan += w.amount_yuan ?? 0;
  return t;
}

const yuan = (n: number) => yuanText(Math.round(n * 100));
/** The same figure in the English half: 62,100.00 yuan. */
const yuanEn = (n: number) => `${formatYuan(Math.round(n * 100))} yuan`;

/** 张书记（东风镇党委书记、驻桥头村） */
export function personLabel(c: ZerenCase, id: string, words: Vocabulary): string {
  const person = c.people?.find((p) => p.id === id);
  const units = new Map(c.units.map((u) => [u.id, u]));
  const posts = (c.posts ?? [])
    .filter((p) => p.person === id)
    .map((p) => {
      const u = units.get(p.unit);
      return `${u?.name ?? p.unit}${roleZh(words, u?.kind ?? 'town', p.role)}${p.to ? `（至${p.to}）` : ''}`;
    });
  const stationed = (c.links ?? [])
    .filter((l) => l.kind === 'stationed' && l.person === id)
    .map((l) => `驻${units.get((l as { village: string }).village)?.name}`);
  const all = [...posts, ...stationed];
  return `${person?.name ?? id}${all.length ? `（${all.join('、')}）` : ''}`;
}

export function renderReport(
  c: ZerenCase,
  r: ZerenResult,
  engine: { defaults: Record<string, string>; words: Vocabulary },
  label: ClauseLabel = clauseLabel,
): string {
  const { defaults, words } = engine;
  const out: string[] = [];
  const county = c.units.find((u) => u.kind === 'county');
  out.push(
    `${county?.name ?? ''}${r.fp_year}计生年度奖惩结果（策略${r.policy}） / rewards and sanctions, FP year ${r.fp_year} (policy ${r.policy})`,
  );
  const changed = Object.entries(r.interpretations).filter(([k, v]) => defaults[k] !== v);
  out.push(
    changed.length
      ? `解释（非默认）：${changed.map(([k, v]) => `${k}=${v}`).join('、')} / readings not the default: ${changed.map(([k, v]) => `${k}=${v}`).join(', ')}`
      : '解释：全部取默认值 / readings: all defaults',
  );
  out.push('');

  const bySubject = new Map<string, (Consequence | Withheld)[]>();
  for (const x of [...r.consequences, ...r.withheld]) {
    const k = `${x.subject.kind}:${x.subject.id}`;
    bySubject.set(k, [...(bySubject.get(k) ?? []), x]);
  }
  const lines = (list: (Consequence | Withheld)[]) =>
    list.map(
      (x) =>
        `      ${describe(x, words, label)}${'reason' in x ? `  〔暂缓兑现：${withheldReasonZh(String(x.reason))}〕` : ''}`,
    );

  const sections: [string, string, (id: string) => boolean][] = [
    [unitKindZh(words, 'town'), 'towns', (id) => c.units.find((u) => u.id === id)?.kind === 'town'],
    [unitKindZh(words, 'village'), 'villages', (id) => c.units.find((u) => u.id === id)?.kind === 'village'],
    [
      unitKindZh(words, 'county_unit'),
      'county units',
      (id) => c.units.find((u) => u.id === id)?.kind === 'county_unit',
    ],
  ];
  const towns = new Map(c.units.filter((u) => u.kind === 'town').map((u) => [u.id, u.name]));
  for (const [title, en, isKind] of sections) {
    const units = c.units.filter((u) => isKind(u.id) && bySubject.has(`unit:${u.id}`));
    out.push(`【${title}】${units.length ? '' : ' 无'} / ${en}${units.length ? '' : ': none'}`);
    for (const u of units) {
      out.push(`  ${u.name}${u.town ? `（${towns.get(u.town)}）` : ''}`);
      out.push(...lines(bySubject.get(`unit:${u.id}`)!));
    }
    out.push('');
  }
  const people = (c.people ?? []).filter((p) => bySubject.has(`person:${p.id}`));
  out.push(`【个人】${people.length ? '' : ' 无'} / people${people.length ? '' : ': none'}`);
  for (const p of people) {
    out.push(`  ${personLabel(c, p.id, words)}`);
    out.push(...lines(bySubject.get(`person:${p.id}`)!));
  }
  out.push('');
  const t = totals(r);
  out.push('【合计】 / totals');
  out.push(`  奖励${t.rewards}项，${yuan(t.rewardsYuan)} / ${t.rewards} rewards, ${yuanEn(t.rewardsYuan)}`);
  out.push(`  罚款${t.fines}项，${yuan(t.finesYuan)} / ${t.fines} fines, ${yuanEn(t.finesYuan)}`);
  out.push(`  评先评优一票否决${t.vetoes}项 / ${t.vetoes} award vetoes`);
  out.push(
    `  暂缓兑现${t.withheld}项${t.withheldYuan ? `，${yuan(t.withheldYuan)}` : ''} / ${t.withheld} withheld${t.withheldYuan ? `, ${yuanEn(t.withheldYuan)}` : ''}`,
  );
  out.push(`  后果共${r.consequences.length}项 / ${r.consequences.length} consequences in all`);
  return out.join('\n');
}
