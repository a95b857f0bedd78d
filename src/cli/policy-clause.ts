// `zeren policy clause 3.1.1`: one clause as the 政策 screen shows it (src/policy/view.ts) — its
// text, the rules citing it, the parameters in force on a day, the interpretations it depends on
// and the policy tests covering it. Chinese with full-width punctuation, English labels beside.

import { zhPunct } from '../domain/zh-punct.ts';
import type { ClauseView, PolicyView } from '../policy/view.ts';
import { chineseDate as proseDate } from '../workflows/documents/zh.ts';

export function clauseReport(view: PolicyView, c: ClauseView): string {
  const lines: string[] = [];
  const add = (s = '') => lines.push(s);
  add(`${c.label}（${c.id}）　${zhPunct(view.title)}`);
  add();
  for (const l of c.text.split('\n')) add(`  ${l}`);
  add();
  add(`【规则 Rules】${c.rules.length ? '' : '无（本条不直接产生奖惩）/ none'}`);
  for (const r of c.rules) {
    add(`  ${r.id}${r.applies ? `（按${r.applies}处理 / applies ${r.applies}）` : ''}`);
    add(`    looks at: ${r.looks_at}`);
    if (r.condition) add(`    when:     ${r.condition}`);
    for (const g of r.gives) add(`    gives:    ${g}`);
  }
  add();
  add(`【参数 Parameters】${proseDate(view.as_of)}施行的取值 / in force on ${view.as_of}`);
  if (!c.parameters.length) add('  无 / none');
  for (const p of c.parameters)
    add(
      `  ${p.name}　${p.zh}：${p.value_zh ?? '尚未施行 / not yet in force'}${p.valid_from ? `（自${proseDate(p.valid_from)}起）` : ''}`,
    );
  add();
  add('【解释 Interpretations】');
  if (!c.interpretations.length) add('  无 / none');
  for (const id of c.interpretations) {
    const it = view.interpretations.find((i) => i.id === id)!;
    add(`  ${id}　${it.question_zh}`);
    for (const v of it.values)
      add(`    ${v.is_default ? '*' : ' '} ${v.value}：${v.zh}${v.is_default ? '（默认 / default）' : ''}`);
  }
  add();
  add(`【测试 Tests】${c.tests.length} 个 / ${c.tests.length} covering`);
  for (const t of c.tests) add(`  ${t.file}　${t.name}`);
  return lines.join('\n');
}
