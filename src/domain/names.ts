// Names people read — of people, units, counties, tokens — hold only characters that show as
// what they are. Control characters (Cc), format characters (Cf: the bidirectional controls that
// reorder text on screen, zero-width spaces and joiners, the soft hyphen, the byte-order mark) and
// line or paragraph separators are refused: they make two different names look alike, or one name
// look like another, in a table, a printed notice or an audit entry.

/** The rule as a regular-expression source, for JSON Schema `pattern` (unicode mode). */
export const NAME_PATTERN = '^[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*$';
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** The first forbidden character of a name, as `U+202E`; undefined when the name is clean. */
export function forbiddenCharacter(name: string): string | undefined {
  const m = FORBIDDEN.exec(name);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

export const nameMessage = (where: string) => ({
  zh: `${where}不能含控制字符、双向文本控制符或零宽字符`,
  en: 'must not contain control, bidirectional or zero-width characters',
});
