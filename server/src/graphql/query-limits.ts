import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isListType,
  isObjectType,
  isInterfaceType,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COST = 10_000;
/** The admin's largest operation has about 160 tokens; a gateway's entity fetch is smaller. */
export const MAX_QUERY_TOKENS = 1_000;
/** Fields with an alias in one document. */
export const MAX_ALIASES = 50;
/** Directives in one document (`@skip`/`@include` are the only ones that execute). */
export const MAX_DIRECTIVES = 30;
/** `_entities` representations in one operation, over all its `_entities` fields. */
export const MAX_REPRESENTATIONS = 100;

/**
 * Bounds the parser itself: graphql's own validation (OverlappingFieldsCanBeMerged) is quadratic
 * in the number of same-named fields, so the document is cut short before it is validated.
 */
export const queryParseOptions: ParseOptions = { maxTokens: MAX_QUERY_TOKENS };

/** What a list field without `first` and without a rule below is assumed to return. */
const ASSUMED_LIST_SIZE = 10;
/** Every estimate saturates here: never Infinity, so never NaN once multiplied by 0. */
const COST_CEILING = 1e15;

type Args = Record<string, unknown>;

interface FieldCost {
  /** Work done once for the field (statements, computation), besides its items; default 1. */
  weight?(args: Args): number;
  /** How many items a list that takes no `first` returns. */
  items?(args: Args): number;
  /** `_entities` representations the field resolves. */
  representations?(args: Args): number;
}

// Compliance metrics: the statement reads every complaint of the period and the server builds a
// working-day index for it, so the work grows with the months covered.
const METRICS_COST_PER_MONTH = 25;
const METRICS_MAX_MONTHS = 61;
/** Providers, departments, regions or services a metrics answer has rows for. */
const METRICS_ASSUMED_GROUPS = 20;
/** One argon2id hash or verification. */
const PASSWORD_HASH_COST = 2_000;
/** A count(*) over every complaint or audit record the filter matches. */
const TOTAL_COUNT_COST = 50;

/** Fields whose real work is not one item per selected field, keyed `Type.field`. */
const FIELD_COSTS: Record<string, FieldCost> = {
  'Query.complianceMetrics': {
    weight: (args) => METRICS_COST_PER_MONTH * monthsCovered(args.filter),
    items: (args) =>
      args.groupBy === 'MONTH' ? monthsCovered(args.filter) : METRICS_ASSUMED_GROUPS,
  },
  'Query._entities': {
    items: (args) => representationsOf(args),
    representations: (args) => representationsOf(args),
  },
  // Recomputes the hash of every audit record.
  'Query.verifyAuditLog': { weight: () => 1_000 },
  // Recomputes the deadline of every open complaint the day falls into.
  'Query.previewCalendarDay': { weight: () => 100, items: () => 100 },
  'Mutation.setCalendarDay': { weight: () => 100 },
  // Argon2id: tens of milliseconds and 19 MiB each; a few per operation, not fifty aliases.
  'Mutation.login': { weight: () => PASSWORD_HASH_COST },
  'Mutation.createUser': { weight: () => PASSWORD_HASH_COST },
  'Mutation.resetUserPassword': { weight: () => PASSWORD_HASH_COST },
  'Query.calendarExceptions': { items: () => 30 },
  'Query.authorities': { items: () => 20 },
  'Query.providers': { items: () => 200 },
  'Query.publicServices': { items: () => 100 },
  'Query.users': { items: () => 100 },
  'ComplaintConnection.totalCount': { weight: () => TOTAL_COUNT_COST },
  'AuditRecordConnection.totalCount': { weight: () => TOTAL_COUNT_COST },
};

/** The months [from, to] of a MetricsFilter touches, within what the resolver accepts. */
function monthsCovered(filter: unknown): number {
  const { from, to } = (filter ?? {}) as { from?: unknown; to?: unknown };
  const month = (date: unknown) => {
    const match = typeof date === 'string' ? /^(\d{4})-(\d{2})/.exec(date) : null;
    return match ? Number(match[1]) * 12 + Number(match[2]) : null;
  };
  const start = month(from);
  const end = month(to);
  if (start === null || end === null) return 1;
  return Math.min(Math.max(end - start + 1, 1), METRICS_MAX_MONTHS);
}

/**
 * Items of every list in an argument value, at any depth. Iterative: a variable of a JSON scalar
 * (`_Any`) may nest deeper than the call stack.
 */
function listItems(value: unknown): number {
  let items = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && items < COST_CEILING) {
    const next = pending.pop();
    // Pushed one by one: spreading a long array into push() would overflow the stack.
    if (Array.isArray(next)) {
      items += next.length;
      for (const item of next as unknown[]) pending.push(item);
    } else if (typeof next === 'object' && next !== null) {
      for (const item of Object.values(next as Record<string, unknown>)) pending.push(item);
    }
  }
  return items;
}

function representationsOf(args: Args): number {
  return Array.isArray(args.representations) ? args.representations.length : 0;
}

export interface QueryMeasure {
  /** Levels of nested selections below the operation. */
  depth: number;
  /** Estimated work: resolved fields × the items of the lists they sit in, plus field weights. */
  cost: number;
  representations: number;
}

export interface DocumentSize {
  aliases: number;
  directives: number;
}

/** What one selection set costs; lists are kept apart so that a paged parent can multiply them. */
interface SelectionMeasure {
  depth: number;
  /** Fields resolved once whatever the page size of the parent (totalCount, pageInfo). */
  once: number;
  /** The lists of this set (a connection's edges), per item, when the parent field is paged. */
  perItem: number;
  /** The whole set when the parent field takes no `first`: lists at their assumed sizes. */
  unpaged: number;
  representations: number;
}

const EMPTY: SelectionMeasure = { depth: 0, once: 0, perItem: 0, unpaged: 0, representations: 0 };

const add = (a: number, b: number) => Math.min(a + b, COST_CEILING);
const times = (a: number, b: number) => Math.min(a * b, COST_CEILING);

function combine(a: SelectionMeasure, b: SelectionMeasure): SelectionMeasure {
  return {
    depth: Math.max(a.depth, b.depth),
    once: add(a.once, b.once),
    perItem: add(a.perItem, b.perItem),
    unpaged: add(a.unpaged, b.unpaged),
    representations: add(a.representations, b.representations),
  };
}

/** Aliases and directives of the whole document, in one pass. */
export function documentSize(document: DocumentNode): DocumentSize {
  let aliases = 0;
  let directives = 0;
  visit(document, {
    Field(node) {
      if (node.alias) aliases += 1;
    },
    Directive() {
      directives += 1;
    },
  });
  return { aliases, directives };
}

/**
 * Depth, cost and representations of the operation, with its variables. Linear in the size of
 * the document: each fragment is measured once (memoized, cycles cut) and every spread reuses
 * that measure; a fragment spread twice still counts twice, an upper bound of what executes.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, SelectionMeasure>();
  const inProgress = new Set<string>();
  const variableItems = new Map<string, number>();

  /** List items in an argument as written; a variable's are counted once and reused. */
  function argumentItems(value: ValueNode): number {
    if (value.kind === Kind.LIST) {
      return value.values.reduce((sum, item) => add(sum, argumentItems(item)), value.values.length);
    }
    if (value.kind === Kind.OBJECT) {
      return value.fields.reduce((sum, field) => add(sum, argumentItems(field.value)), 0);
    }
    if (value.kind !== Kind.VARIABLE) return 0;
    const name = value.name.value;
    let items = variableItems.get(name);
    if (items === undefined) {
      items = listItems(variables[name]);
      variableItems.set(name, items);
    }
    return items;
  }

  function fragment(name: string): SelectionMeasure {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    // A cycle is refused by graphql's NoFragmentCycles; here it only must not loop.
    if (!definition || inProgress.has(name)) return EMPTY;
    inProgress.add(name);
    const type = schema.getType(definition.typeCondition.name.value);
    const result = type ? selection(definition.selectionSet, type) : EMPTY;
    inProgress.delete(name);
    measured.set(name, result);
    return result;
  }

  function selection(set: SelectionSetNode, parentType: GraphQLNamedType): SelectionMeasure {
    let total = EMPTY;
    for (const node of set.selections) {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        total = combine(total, fragment(node.name.value));
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        const type = node.typeCondition
          ? schema.getType(node.typeCondition.name.value)
          : parentType;
        if (type) total = combine(total, selection(node.selectionSet, type));
      } else {
        total = combine(total, field(node, parentType));
      }
    }
    return total;
  }

  function field(node: FieldNode, parentType: GraphQLNamedType): SelectionMeasure {
    const name = node.name.value;
    // Introspection is answered from memory (and is off in production).
    if (name.startsWith('__')) return EMPTY;
    const definition =
      isObjectType(parentType) || isInterfaceType(parentType)
        ? parentType.getFields()[name]
        : undefined;
    if (!definition) return EMPTY;
    let args: Args;
    try {
      args = getArgumentValues(definition, node, variables);
    } catch {
      // Arguments execution cannot coerce: the field fails alone, its selection never runs.
      return { ...EMPTY, once: 1, unpaged: 1 };
    }
    const rule = FIELD_COSTS[`${parentType.name}.${name}`];
    // Every item of a list argument is work too (an SQL IN list, a consent to check).
    let own = rule?.weight?.(args) ?? 1;
    for (const argument of node.arguments ?? []) own = add(own, argumentItems(argument.value));
    const representations = rule?.representations?.(args) ?? 0;
    if (!node.selectionSet) {
      return { ...EMPTY, once: own, unpaged: own, representations };
    }
    const inner = selection(node.selectionSet, getNamedType(definition.type));
    const page = pageSize(definition, args);
    const work = page === null ? inner.unpaged : add(inner.once, times(page, inner.perItem));
    const depth = inner.depth + 1;
    const nested = add(representations, inner.representations);
    if (isListType(getNullableType(definition.type))) {
      const items = rule?.items?.(args) ?? ASSUMED_LIST_SIZE;
      return {
        depth,
        once: own,
        perItem: work,
        unpaged: add(own, times(items, work)),
        representations: nested,
      };
    }
    const cost = add(own, work);
    return { depth, once: cost, perItem: 0, unpaged: cost, representations: nested };
  }

  const rootType = schema.getRootType(operation.operation);
  const root = rootType ? selection(operation.selectionSet, rootType) : EMPTY;
  return { depth: root.depth, cost: root.unpaged, representations: root.representations };
}

/**
 * The page a field with `first` really reads: the value given (a variable's too), the
 * argument's default when absent or null; never below 0 (the resolver refuses a negative page,
 * and an over-large one, so counting it as given only refuses what would be refused anyway).
 */
function pageSize(definition: GraphQLField<unknown, unknown>, args: Args): number | null {
  const argument = definition.args.find((a) => a.name === 'first');
  if (!argument) return null;
  const given = args.first;
  const value =
    typeof given === 'number'
      ? given
      : typeof argument.defaultValue === 'number'
        ? argument.defaultValue
        : 0;
  return Math.max(0, value);
}

function refusal(
  message: string,
  code: 'QUERY_TOO_DEEP' | 'QUERY_TOO_COSTLY',
  details: Record<string, number>,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, refusedAs: code, ...details, http: { status: 400 } },
  });
}

/**
 * Refuses, before anything executes, an operation that is too large for its document (aliases,
 * directives), nested deeper than MAX_QUERY_DEPTH, estimated above MAX_QUERY_COST with its
 * variables, or resolving more than MAX_REPRESENTATIONS entities.
 */
export function assertWithinLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
): void {
  const size = documentSize(document);
  if (size.aliases > MAX_ALIASES) {
    throw refusal(
      `The query has ${size.aliases} aliases; at most ${MAX_ALIASES} are allowed`,
      'QUERY_TOO_COSTLY',
      {
        maxAliases: MAX_ALIASES,
        aliases: size.aliases,
      },
    );
  }
  if (size.directives > MAX_DIRECTIVES) {
    throw refusal(
      `The query has ${size.directives} directives; at most ${MAX_DIRECTIVES} are allowed`,
      'QUERY_TOO_COSTLY',
      { maxDirectives: MAX_DIRECTIVES, directives: size.directives },
    );
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, {
    maxErrors: 1,
  });
  // Variables execution cannot coerce: it refuses them before resolving anything.
  if (coerced.errors) return;
  const { depth, cost, representations } = measureOperation(
    schema,
    document,
    operation,
    coerced.coerced,
  );
  if (depth > MAX_QUERY_DEPTH) {
    throw refusal(
      `Query is nested ${depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed`,
      'QUERY_TOO_DEEP',
      { maxDepth: MAX_QUERY_DEPTH, depth },
    );
  }
  if (representations > MAX_REPRESENTATIONS) {
    throw refusal(
      `The query resolves ${representations} entities; at most ${MAX_REPRESENTATIONS} are allowed`,
      'QUERY_TOO_COSTLY',
      { maxRepresentations: MAX_REPRESENTATIONS, representations },
    );
  }
  if (cost > MAX_QUERY_COST) {
    throw refusal(
      `Query would cost about ${cost}; at most ${MAX_QUERY_COST} is allowed`,
      'QUERY_TOO_COSTLY',
      { maxCost: MAX_QUERY_COST, cost },
    );
  }
}

/**
 * The limits as an Apollo plugin: `didResolveOperation` sees the variables (a validation rule
 * does not), and a refusal there answers 400 before execution starts.
 */
export function queryLimitsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, operation, request }) =>
          new Promise<void>((resolve) => {
            // Apollo answers a missing operation itself, before this hook.
            if (operation) assertWithinLimits(schema, document, operation, request.variables ?? {});
            resolve();
          }),
      }),
  };
}
