import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { EntityClass } from '@mikro-orm/core';
import type { NonEmptyArray } from 'type-graphql';
import type { RequestCtx } from './context.js';
import type { ApiContext } from './graphql/request-context.js';

/**
 * What a module declares in its door (`modules/<concept>/module.ts`, re-exported by `index.ts`):
 * its parts. The composition root (`composition.ts`) lists the modules; the app's entities,
 * services, resolvers and loaders are derived from that list.
 */
export interface AppModule<
  Needs extends readonly AnyModule[],
  Config,
  Provides extends object,
  Loaders extends object,
> {
  /** Names the module in a wiring error. */
  readonly name: string;
  /**
   * The modules whose services this one's are built from. A function: doors of modules whose
   * entities name each other import each other, and one may not be defined yet at load.
   */
  needs?(): Needs;
  /** Its MikroORM entities. */
  readonly entities?: readonly EntityClass<object>[];
  /** Builds its services, by constructor injection, from the services of the modules it needs. */
  services?(from: ServicesOf<Needs>, config: Config): Provides;
  /** Its resolver instances, once per app (type-graphql asks for them by class). */
  resolvers?(services: Provides & ServicesOf<Needs>): readonly object[];
  /** Federation: how a gateway's representation becomes one of its entities, by type name. */
  readonly referenceResolvers?: GraphQLResolverMap<ApiContext>;
  /** Its data loaders, a fresh set for every request. */
  loaders?(ctx: RequestCtx, services: Provides & ServicesOf<Needs>): Loaders;
}

/**
 * Any module, as the composition handles it: the types of each one's parts are kept by the list's
 * own type (`typeof appModules`), from which `Services` and `Loaders` are read.
 */
export interface AnyModule {
  readonly name: string;
  needs?(): readonly AnyModule[];
  readonly entities?: readonly EntityClass<object>[];
  services?(from: object, config: unknown): object;
  resolvers?(services: object): readonly object[];
  readonly referenceResolvers?: GraphQLResolverMap<ApiContext>;
  loaders?(ctx: RequestCtx, services: object): object;
}

/**
 * Declares a module's parts; only infers their types (`needs` first, then what `services`
 * builds, which `resolvers` and `loaders` receive with the services of the needs).
 */
export function defineModule<
  const Needs extends readonly AnyModule[] = readonly [],
  Config = unknown,
  Provides extends object = Record<never, never>,
  Loaders extends object = Record<never, never>,
>(parts: AppModule<Needs, Config, Provides, Loaders>): AppModule<Needs, Config, Provides, Loaders> {
  return parts;
}

type Part<M, K extends 'config' | 'services' | 'loaders'> =
  M extends AppModule<readonly AnyModule[], infer Config, infer Provides, infer Loaders>
    ? { config: Config; services: Provides; loaders: Loaders }[K]
    : never;

/** One part of every module of a list, intersected in order. */
type Joined<
  M extends readonly AnyModule[],
  K extends 'config' | 'services' | 'loaders',
> = M extends readonly [infer Head, ...infer Rest extends readonly AnyModule[]]
  ? Part<Head, K> & Joined<Rest, K>
  : unknown;

type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The services the modules of a list build, by name. */
export type ServicesOf<M extends readonly AnyModule[]> = Flat<Joined<M, 'services'>>;
/** The configuration the modules of a list need to build their services. */
export type ConfigOf<M extends readonly AnyModule[]> = Joined<M, 'config'>;
/** The per-request loaders of the modules of a list, by name. */
export type LoadersOf<M extends readonly AnyModule[]> = Flat<Joined<M, 'loaders'>>;

/** The parts of several modules as one object; two modules may not give the same name. */
function merged<T extends object>(parts: readonly T[], what: string): T {
  const result: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (name in result) throw new Error(`two modules give the ${what} '${name}'`);
      result[name] = value;
    }
  }
  return result as T;
}

/** Every module's entities, in the order of the list. */
export function entitiesOf(modules: readonly AnyModule[]): EntityClass<object>[] {
  return modules.flatMap((module) => module.entities ?? []);
}

/**
 * Builds every module's services once, each after the modules it needs (whatever their place in
 * the list): constructor injection, nothing set after construction.
 */
export function buildServices<const M extends readonly AnyModule[]>(
  modules: M,
  config: ConfigOf<M>,
): ServicesOf<M> {
  const listed = new Set<AnyModule>(modules);
  const built = new Map<AnyModule, object>();
  const building: AnyModule[] = [];
  const build = (module: AnyModule): object => {
    const done = built.get(module);
    if (done) return done;
    if (!listed.has(module)) {
      throw new Error(`the module '${module.name}' is needed but not in the composition root`);
    }
    if (building.includes(module)) {
      const chain = [...building, module].map((each) => each.name).join(' → ');
      throw new Error(`modules need each other: ${chain}`);
    }
    building.push(module);
    const from = merged((module.needs?.() ?? []).map(build), 'service');
    const services = module.services?.(from, config) ?? {};
    building.pop();
    built.set(module, services);
    return services;
  };
  return merged(modules.map(build), 'service') as ServicesOf<M>;
}

/** Every module's resolver instances (by class, for type-graphql) and reference resolvers. */
export function resolversOf(modules: readonly AnyModule[], services: object) {
  const instances = new Map<unknown, object>();
  const classes: Function[] = [];
  for (const module of modules) {
    for (const instance of module.resolvers?.(services) ?? []) {
      classes.push(instance.constructor);
      instances.set(instance.constructor, instance);
    }
  }
  const [first, ...more] = classes;
  if (!first) throw new Error('no module has a resolver');
  const classList: NonEmptyArray<Function> = [first, ...more];
  return {
    classes: classList,
    container: { get: (someClass: unknown) => instances.get(someClass) },
    referenceResolvers: merged(
      modules.map((module) => module.referenceResolvers ?? {}),
      'reference resolver of',
    ),
  };
}

/** A request's loaders: every module's, fresh. */
export function loadersOf<const M extends readonly AnyModule[]>(
  modules: M,
  ctx: RequestCtx,
  services: object,
): LoadersOf<M> {
  return merged(
    modules.map((module) => module.loaders?.(ctx, services) ?? {}),
    'loader',
  ) as LoadersOf<M>;
}
