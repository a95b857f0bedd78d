// The screens keep their state in the address (?tab=, ?notice=, filters) so it can be shared and
// reloaded: this is the one way a screen changes it.

/** The address with the changes made: a value sets its parameter, null or empty drops it. */
export function withParams(
  params: URLSearchParams,
  changes: Readonly<Record<string, string | null | undefined>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  return next;
}
