// The small TypeBox shorthands the routes' answer schemas are written with, in one place.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { type TProperties, type TSchema, type TUnsafe, Type } from 'typebox';

export const Str = Type.String();
export const Int = Type.Integer();
export const OrNull = <S extends TSchema>(s: S) => Type.Union([s, Type.Null()]);
/** A string or null. */
export const Text = OrNull(Str);
/** A closed object: no property beyond those named. */
export const Obj = <P extends TProperties>(props: P, description?: string) =>
  Type.Object(props, { additionalProperties: false, ...(description && { description }) });
/** One of the given strings (typed as their union). */
export const Lit = <const V extends readonly string[]>(...values: V) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnsafe<V[number]>;

/** One of a list of strings, e.g. a vocabulary's `as const` list. */
export const Enum = <const V extends readonly string[]>(values: V) => Lit(...values);

/**
 * The app as the routes see it: params, query, body and replies typed from each route's schema
 * (TypeBox), so a handler reads `req.params.county` with no cast.
 */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
