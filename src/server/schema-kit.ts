// The small TypeBox shorthands the routes' answer schemas are written with, in one place.

import { type TProperties, type TSchema, Type } from 'typebox';

export const Str = Type.String();
export const Int = Type.Integer();
export const OrNull = (s: TSchema) => Type.Union([s, Type.Null()]);
/** A string or null. */
export const Text = OrNull(Str);
/** A closed object: no property beyond those named. */
export const Obj = (props: TProperties, description?: string) =>
  Type.Object(props, { additionalProperties: false, ...(description && { description }) });
/** One of the given strings. */
export const Lit = (...values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
