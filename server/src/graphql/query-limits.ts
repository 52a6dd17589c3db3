import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COST = 10_000;
/** What a list field without `first` is assumed to return, for the cost estimate. */
const ASSUMED_LIST_SIZE = 10;

/**
 * Refuses, before execution, a query nested deeper than MAX_QUERY_DEPTH or whose estimated cost
 * (fields × the `first` of the lists they sit in) exceeds MAX_QUERY_COST.
 */
export function queryLimitsRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }

  function measure(
    selectionSet: SelectionSetNode,
    depth: number,
    seen: Set<string>,
  ): { depth: number; cost: number } {
    let maxDepth = depth;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const first = selection.arguments?.find((a) => a.name.value === 'first');
        // A `first` given by a variable is assumed to be the largest page any list allows.
        const multiplier = first
          ? first.value.kind === Kind.INT
            ? Number(first.value.value)
            : LARGEST_PAGE
          : UNPAGED_LISTS.has(selection.name.value)
            ? ASSUMED_LIST_SIZE
            : 1;
        cost += 1;
        if (selection.selectionSet) {
          const inner = measure(selection.selectionSet, depth + 1, seen);
          maxDepth = Math.max(maxDepth, inner.depth);
          cost += inner.cost * multiplier;
        } else if (first) {
          cost += multiplier;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = measure(selection.selectionSet, depth, seen);
        maxDepth = Math.max(maxDepth, inner.depth);
        cost += inner.cost;
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const inner = measure(fragment.selectionSet, depth, new Set([...seen, name]));
        maxDepth = Math.max(maxDepth, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth: maxDepth, cost };
  }

  return {
    OperationDefinition(operation) {
      const { depth, cost } = measure(operation.selectionSet, 0, new Set());
      if (depth > MAX_QUERY_DEPTH) {
        context.reportError(
          new GraphQLError(
            `Query is nested ${depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed`,
            {
              nodes: [operation],
              extensions: {
                code: 'QUERY_TOO_DEEP',
                refusedAs: 'QUERY_TOO_DEEP',
                maxDepth: MAX_QUERY_DEPTH,
                depth,
              },
            },
          ),
        );
      }
      if (cost > MAX_QUERY_COST) {
        context.reportError(
          new GraphQLError(`Query would cost about ${cost}; at most ${MAX_QUERY_COST} is allowed`, {
            nodes: [operation],
            extensions: {
              code: 'QUERY_TOO_COSTLY',
              refusedAs: 'QUERY_TOO_COSTLY',
              maxCost: MAX_QUERY_COST,
              cost,
            },
          }),
        );
      }
    },
  };
}

const LARGEST_PAGE = 200;
// Lists of the schema that take no `first` (the nested lists of a complaint, reference data).
const UNPAGED_LISTS = new Set([
  'history',
  'notices',
  'consents',
  'calendarExceptions',
  'users',
  'providers',
  'authorities',
  'publicServices',
  'complianceMetrics',
  '_entities',
]);
