import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ForbiddenError } from '../errors.js';
import type { ApiContext } from './request-context.js';

/** The header the gateway sends its secret in. */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

/** Federation's own entry points: meant for the gateway, not for callers of this subgraph. */
const GATEWAY_FIELDS = new Set(['_service', '_entities']);

/**
 * `_service` and `_entities` answer only requests that carry the gateway's secret. In production
 * without a configured secret they answer nobody; outside production they are open until a
 * secret is configured. Refused before execution, wherever the fields hide in the operation.
 */
export function gatewayGuardPlugin(options: {
  production: boolean;
  secret: string | null;
}): ApolloServerPlugin<ApiContext> {
  const expected = options.secret === null ? null : digest(options.secret);
  if (expected === null && !options.production) return {};
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, operation, request, response }) {
          if (!operation || !selectsGatewayField(document, operation)) return Promise.resolve();
          const offered = request.http?.headers.get(GATEWAY_SECRET_HEADER);
          if (expected !== null && offered && timingSafeEqual(digest(offered), expected)) {
            return Promise.resolve();
          }
          response.http.status = 403;
          throw new ForbiddenError('_service and _entities answer the gateway only');
        },
      });
    },
  };
}

/** Hashing first gives equal lengths, so the comparison takes the same time for any input. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Whether the operation's root selection reaches a gateway field, through inline fragments and
 * fragment spreads too. Each fragment is walked once, so the cost is linear in the document.
 */
function selectsGatewayField(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const visited = new Set<string>();
  const pending: SelectionSetNode[] = [operation.selectionSet];
  for (let set = pending.pop(); set !== undefined; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (GATEWAY_FIELDS.has(selection.name.value)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) pending.push(fragment.selectionSet);
      }
    }
  }
  return false;
}
