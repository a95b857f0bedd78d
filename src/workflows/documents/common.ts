// What the documents share: how units and people are named on paper (a village with its town, a
// person by name and post, an account by its holder's name, never a login or an id), the 版头 of
// an issuing office, the policy's title, the 抄送 of the office's documents, and the file a
// route sends.

import type { Consequence } from '../../domain/result.ts';
import { roleZh } from '../../domain/vocabulary.ts';
import type { Pack } from '../../engine/pack.ts';
import { renderOffThread } from '../../engine-pool/pool.ts';
import type { Db } from '../../store/schema.ts';
import type { Names } from '../reports/reports.ts';
import { namesOf } from '../reports/reports-data.ts';
import { DOC_KINDS, type Letterhead } from './model.ts';
import type { IssuingOffice } from './offices.ts';
import type { Issued } from './register.ts';
import { chineseDate, clauseZh, fullWidth } from './zh.ts';

export type { Names };
export { namesOf };

/** A unit as a document names it: a village with its town (东风镇红星村). */
export function unitName(names: Names, id: string | null | undefined): string {
  if (!id) return '';
  const u = names.units.get(id);
  if (!u) return id;
  const town = u.kind === 'village' && u.town ? names.units.get(u.town)?.name : undefined;
  return `${town ?? ''}${u.name}`;
}

/** The body a document to a unit is addressed to (主送机关). */
export function unitAddressee(names: Names, id: string): string {
  const u = names.units.get(id);
  if (u?.kind === 'town') return `${u.name}党委、政府`;
  if (u?.kind === 'village') return `${unitName(names, id)}党支部、村（居）委会`;
  return unitName(names, id);
}

export function personName(names: Names, id: string): string {
  return names.people.get(id) ?? id;
}

/** The post a consequence is for: 东风镇党委书记, 东风镇红星村驻村干部; '' when none is named. */
export function postOf(names: Names, via: Consequence['via']): string {
  if (!via?.unit) return '';
  const unit = unitName(names, via.unit);
  if (via.link === 'stationed') return `${unit}驻村干部`;
  const kind = names.units.get(via.unit)?.kind;
  const role = via.role && kind ? roleZh(names.words, kind, via.role) : '';
  return fullWidth(`${unit}${role}`);
}

/** Accounts' holders by login name: the name a document prints for who entered something. */
export async function holders(db: Db, usernames: string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('username', 'in', usernames)
    .execute();
  return new Map(rows.filter((r) => r.display_name).map((r) => [r.username, r.display_name!]));
}

export function letterheadOf(o: IssuingOffice, style: Letterhead['style'] = 'document'): Letterhead {
  return { style, mark: style === 'letter' ? o.name : o.mark, printed: o.letterhead === 'print' };
}

/** 《人口与计划生育工作层级动态管理责任制实施意见》, the policy the county applies. */
export function policyTitle(pack: Pack): string {
  return `《${fullWidth(pack.title)}》`;
}

/**
 * A clause's text, in full-width punctuation, to quote in “” inside a sentence (…“…验收”的规定):
 * without its closing full stop.
 */
export function clauseText(pack: Pack, clause: string): string {
  return fullWidth(pack.clauses.get(clause)?.text ?? '')
    .replace(/\s*\n\s*/g, '')
    .replace(/[。；]$/, '');
}

/**
 * The facts of an explanation the engine wrote, for a document: up to where it quotes the
 * clause (the document quotes it itself), dates as 2009年1月1日, punctuation full-width.
 */
export function factsOf(explanation: string): string {
  const quote = explanation.search(
    /[一二三四五六七八九十]+([(（][一二三四五六七八九十]+[)）])?[0-9]*([(（]\d+[)）])?[:：][「“]/,
  );
  const facts = (quote > 0 ? explanation.slice(0, quote) : explanation).trim();
  return fullWidth(facts.replace(/(\d{4})-(\d{2})-(\d{2})/g, (d) => chineseDate(d)));
}

/**
 * The ground of a document that follows a decision: the facts, the decision by title and
 * number, and the clause quoted (with the item it applies through) — “…根据本办《…》（…），依照
 * 《…》四（二）2“…”的规定，”.
 */
export function groundOf(
  pack: Pack,
  decision: { doc: { title: string }; number: string | null },
  c: { explanation: string; clause: string; applies: string | null },
): string {
  const applies = c.applies ? `（按${clauseZh(c.applies)}处理）` : '';
  return `${factsOf(c.explanation)}根据本办《${decision.doc.title}》（${decision.number}），依照${policyTitle(pack)}${clauseZh(c.clause)}“${clauseText(pack, c.clause)}”${applies}的规定，`;
}

/** Who the office's documents are copied to (抄送): the county's leaders and supervisors. */
export const COUNTY_CC = ['县委办公室', '县政府办公室', '县纪委', '县审计局', '县财政局'];

/** The file of an issued document: its kind, its number, and what it concerns. */
export async function documentFile(issued: Issued, about: string): Promise<DocumentFile> {
  const parts = [DOC_KINDS[issued.kind], issued.number, about].filter((p): p is string => !!p);
  return {
    filename: `${parts.join('-')}.docx`,
    body: await renderOffThread('docx', issued.doc),
    number: issued.number,
  };
}

export interface DocumentFile {
  filename: string;
  body: Buffer;
  /** 发文字号 (or a form's number). */
  number: string | null;
}
