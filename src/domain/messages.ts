// The message catalogue of the system, read from its source: every string or template literal
// with Chinese in it (errors, problems, Excel labels, document text, CLI output) and every English
// half of a bilingual message (`en:` of a problem, the English argument of `c.add`, `problem`,
// `HttpError`, `StoreError`, `conflict`). Tests use it to check that the Chinese half has
// full-width punctuation and that the English half is English.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Literal {
  file: string;
  line: number;
  /** The literal's text, each `${…}` written as `{}`. */
  text: string;
  /** The English half of a bilingual message. */
  english: boolean;
}

const HAN = /\p{Script=Han}/u;

/** Calls whose arguments at these positions are the English half of a message. */
const ENGLISH_ARGS = new Map<string, number[]>([
  ['add', [3]],
  ['problem', [3]],
  ['HttpError', [3]],
  ['StoreError', [2]],
  ['conflict', [1]],
]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

function textOf(node: ts.Node): string | undefined {
  if (ts.isJsxText(node)) return node.text.trim() || undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join('');
  return undefined;
}

function calleeName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** Whether a literal is the English half: an `en` property, or an English argument of a message call. */
function isEnglish(node: ts.Node): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  // (a ? 'x' : 'y'), a parenthesised literal: the position of the whole expression counts.
  while (parent && (ts.isConditionalExpression(parent) || ts.isParenthesizedExpression(parent))) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  if (ts.isPropertyAssignment(parent) && parent.initializer === child)
    return /^(en|en_.*|.*_en)$/.test(parent.name.getText());
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments) {
    const name = calleeName(parent.expression);
    const at = parent.arguments.indexOf(child as ts.Expression);
    return name !== undefined && (ENGLISH_ARGS.get(name) ?? []).includes(at);
  }
  return false;
}

/** Every literal with Chinese in it, and every English half, of the non-test sources under `dir`. */
export function messageCatalogue(dir: string, root = dir): Literal[] {
  const out: Literal[] = [];
  for (const file of sourceFiles(dir)) {
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
    const visit = (node: ts.Node): void => {
      const text = textOf(node);
      if (text !== undefined) {
        const english = isEnglish(node);
        if (english || HAN.test(text))
          out.push({
            file: relative(root, file),
            line: src.getLineAndCharacterOfPosition(node.getStart()).line + 1,
            text,
            english,
          });
        if (!ts.isTemplateExpression(node)) return;
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return out;
}
