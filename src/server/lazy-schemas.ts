// Route schemas compiled on first use. Fastify compiles every route's validators (Ajv) and
// response serialisers (fast-json-stringify) while it starts, most of a second for this API's
// hundreds of routes, though a request reaches only a few of them. These factories are Fastify's
// own (the same compilers and options), each route's function compiled the first time it runs.
// (With a compilers factory given, Fastify leaves header schemas as written instead of lower-
// casing their keys; no route here has one.)

import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

const require = createRequire(import.meta.url);

type Fn = ((...args: unknown[]) => unknown) & Record<string, unknown>;

/** A function compiled by `compile` on its first call (or when Fastify reads a property of it). */
function onFirstUse(compile: () => Fn): Fn {
  let real: Fn | undefined;
  const get = () => {
    real ??= compile();
    return real;
  };
  const f = ((...args: unknown[]) => get()(...args)) as Fn;
  // Fastify reads an Ajv validator's schemaEnv before calling it and its errors after.
  for (const p of ['schemaEnv', 'errors'])
    Object.defineProperty(f, p, { get: () => get()[p], enumerable: true });
  return f;
}

type Factory = (...args: any[]) => (route: any) => Fn;

/** Fastify's factory, loaded (with Ajv) and set up when the first function is compiled. */
function lazily(load: () => Factory): Factory {
  let factory: Factory | undefined;
  return (...args) => {
    let compiler: ReturnType<Factory> | undefined;
    return (route) =>
      onFirstUse(() => {
        factory ??= load();
        compiler ??= factory(...args);
        return compiler(route);
      });
  };
}

export const lazySchemaController: FastifyServerOptions['schemaController'] = {
  compilersFactory: {
    buildValidator: lazily(() => require('@fastify/ajv-compiler')()) as never,
    buildSerializer: lazily(() => require('@fastify/fast-json-stringify-compiler')()) as never,
  },
};
