// 奖惩决定: the year's decision as the office issues it — the rewards and the sanctions by town,
// village, county unit and person, each with its 依据 clause; the totals in figures and in
// capitals; what follows (fines due, deductions, payments, personnel letters); and the readings
// (I1–I13) the county chose where they differ from the defaults. A correction is its own
// 决定: it names the decision it corrects, by title and 发文字号, and why.

import { chinaDay } from '../../domain/dates.ts';
import { rmbCapital, yuanText } from '../../domain/money.ts';
import type { Consequence, ZerenResult } from '../../domain/result.ts';
import type { Pack } from '../../engine/pack.ts';
import type { Actor } from '../../store/audit.ts';
import { getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { type Decision, getDecision } from '../../store/decisions.ts';
import { type Scope, systemScope } from '../../store/scope.ts';
import {
  COUNTY_CC,
  documentFile,
  letterheadOf,
  type Names,
  namesOf,
  personName,
  policyTitle,
  postOf,
  unitName,
} from './common.ts';
import {
  consequenceText,
  fenOf,
  type Line,
  moneyTables,
  numbered,
  withheldReason,
} from './decision-tables.ts';
import type { Block, OfficialDoc } from './model.ts';
import type { IssuingOffice } from './offices.ts';
import { type Issued, inSnapshot, issue } from './register.ts';
import { chineseDate, clauseZh, fullWidth } from './zh.ts';

const REWARDS = new Set(['reward', 'honour_title', 'plaque']);

/** The day a decision was taken, in China: the 成文日期 of it and of what follows from it. */
export const decisionDay = (d: Pick<Decision, 'confirmed_at'>) => chinaDay(new Date(d.confirmed_at));

export const decisionTitle = (year: number, correction: boolean) =>
  correction
    ? `关于更正${year}年度人口和计划生育工作层级动态管理责任制奖惩决定的决定`
    : `关于${year}年度人口和计划生育工作层级动态管理责任制奖惩的决定`;

export interface DecisionInput {
  decision: Decision;
  result: ZerenResult;
  names: Names;
  /** The county's pack: its title and clauses are quoted. */
  pack: Pack;
  office: IssuingOffice;
  number?: string;
  /** The decision a correction corrects, as it was issued. */
  corrected?: { title: string; number: string | null; dated: string };
}

function interpretationBlocks(pack: Pack, result: ZerenResult): Block[] {
  const out: Block[] = [];
  for (const [id, value] of Object.entries(result.interpretations)) {
    const i = pack.interpretations.get(id);
    if (!i || value === i.default) continue;
    out.push({
      kind: 'p',
      text: fullWidth(
        `${id}：${i.question_zh}本年度采用“${i.values[value]?.zh ?? value}”，默认解释为“${i.values[i.default]?.zh ?? i.default}”。`,
      ),
    });
  }
  return out.length
    ? [{ kind: 'p', text: '本年度评定中，下列条款的理解采用了与默认解释不同的解释：' }, ...out]
    : [];
}

export function decisionModel(input: DecisionInput): OfficialDoc {
  const { decision, result, names, pack, office } = input;
  const year = decision.fp_year;
  const dated = decisionDay(decision);
  const subjectName = (c: Consequence) =>
    c.subject.kind === 'person' ? personName(names, c.subject.id) : unitName(names, c.subject.id);
  const lines: Line[] = result.consequences.map((c) => ({
    c,
    name: subjectName(c),
    post: postOf(names, c.via),
  }));
  const kinds = new Map([...names.units].map(([id, u]) => [id, u.kind]));
  const rewards = lines.filter((l) => REWARDS.has(l.c.type));
  const sanctions = lines.filter((l) => !REWARDS.has(l.c.type));
  const sum = (type: string) => result.consequences.filter((c) => c.type === type);
  const total = (type: string) => sum(type).reduce((a, c) => a + fenOf(c), 0);
  const opening: Block = input.corrected
    ? {
        kind: 'p',
        text: `本办${chineseDate(input.corrected.dated)}印发的《${input.corrected.title}》${input.corrected.number ? `（${input.corrected.number}）` : ''}，因${fullWidth(decision.reason ?? '')}，需予更正。根据${policyTitle(pack)}（以下简称《实施意见》），经重新评定，现将${year}年度奖惩决定如下，原决定同时废止：`,
      }
    : {
        kind: 'p',
        text: `根据${policyTitle(pack)}（以下简称《实施意见》）和${year}年度人口和计划生育工作检查考核结果，经研究，决定对有关单位和个人给予奖励和处罚如下：`,
      };
  const withheld: Block[] = result.withheld.length
    ? [
        { kind: 'p', text: '下列奖励暂缓（不予）兑现：' },
        {
          kind: 'table',
          columns: [
            { title: '对象', width: 22 },
            { title: '奖励', width: 16 },
            { title: '金额（元）', width: 14, align: 'right' },
            { title: '依据', width: 14 },
            { title: '原因', width: 34 },
          ],
          rows: result.withheld.map((w) => [
            subjectName(w as Consequence),
            consequenceText(w as Consequence, names.words),
            fenOf(w) ? yuanText(fenOf(w)).replace('元', '') : '',
            clauseZh(w.clause),
            withheldReason(w.reason),
          ]),
        },
      ]
    : [];
  const due = decision.fines_due_on;
  const sections: [string, Block[]][] = [
    ['奖励', [...moneyTables(rewards, '奖励', kinds, names.words), ...withheld]],
    ['处罚', moneyTables(sanctions, '处罚', kinds, names.words)],
    [
      '奖惩金额合计',
      [
        {
          kind: 'p',
          text: `奖励${sum('reward').length}项，金额合计${yuanText(total('reward'))}（${rmbCapital(total('reward'))}）；罚款${sum('fine').length}项，金额合计${yuanText(total('fine'))}（${rmbCapital(total('fine'))}）。`,
        },
      ],
    ],
    [
      '执行要求',
      [
        {
          kind: 'p',
          text: `罚款由镇（场）、县直相关单位执罚，于${chineseDate(due)}前上缴县财政局；执罚不力的单位，由县财政从该单位的拨款中直接扣除；调离原单位的人员，由调入单位代扣罚款（《实施意见》八）。奖金由县财政局兑现。人事处理建议由本办函告有权机关。县纪委、县审计局负责监督罚款执行情况。`,
        },
      ],
    ],
    ['适用的解释', interpretationBlocks(pack, result)],
  ];
  return {
    kind: 'decision',
    fonts: office.fonts,
    letterhead: letterheadOf(office),
    number: input.number,
    title: decisionTitle(year, !!input.corrected),
    addressee: '各镇（场）党委、政府，县直各单位',
    body: [opening, ...numbered(sections.filter(([, b]) => b.length > 0))],
    signature: { office: office.name, date: dated, seal: true },
    record: { cc: COUNTY_CC, printer: office.name, printed_on: dated },
    dated,
  };
}

/** The decision's document, issued once with its 发文字号 (a correction's names the one it corrects). */
export async function issueDecision(ctx: Ctx, actor: Actor, county: string, id: string): Promise<Issued> {
  const all = systemScope(county);
  const { decision, result, c, names } = await inSnapshot(ctx, async (s) => ({
    ...(await getDecision(s, all, id)),
    c: await getCounty(s.db, county),
    names: await namesOf(s, county),
  }));
  const corrected = decision.supersedes
    ? await issueDecision(ctx, actor, county, decision.supersedes)
    : undefined;
  return issue(ctx, actor, {
    county,
    kind: 'decision',
    object: { type: 'decisions', id },
    office: 'office',
    dated: decisionDay(decision),
    build: ({ number, offices }) =>
      decisionModel({
        decision,
        result,
        names,
        pack: ctx.engine(c.policy).pack,
        office: offices.office,
        number,
        corrected: corrected && {
          title: corrected.doc.title,
          number: corrected.number,
          dated: corrected.dated,
        },
      }),
  });
}

export async function decisionDocument(ctx: Ctx, scope: Scope, id: string) {
  // Who may read it: the same as the decision (the document itself is read on its own snapshot).
  const { decision } = await inSnapshot(ctx, (s) => getDecision(s, scope, id));
  const issued = await issueDecision(ctx, scope.actor, decision.county, id);
  return documentFile(issued, `${decision.fp_year}年度`);
}
