import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  buildSchema,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../src/config.js';
import {
  MAX_QUERY_COST,
  MAX_QUERY_DEPTH,
  measureOperation,
  queryParseOptions,
} from '../../src/graphql/query-limits.js';

const schema = buildSchema(readFileSync(join(repositoryRoot, 'schema/complaints.graphql'), 'utf8'));
const adminOperations = join(repositoryRoot, 'admin/src/graphql');

/** The largest value the server accepts for each variable the admin sends: the worst case. */
const LARGEST: Record<string, unknown> = {
  first: 100,
  year: 2026,
  filter: null,
  groupBy: 'MONTH',
};

function sample(type: GraphQLInputType, name: string): unknown {
  if (name in LARGEST && !isNonNullType(type)) return LARGEST[name];
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sample(nullable.ofType, name)];
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (isNonNullType(field.type)) value[field.name] = sample(field.type, field.name);
    }
    return value;
  }
  switch (nullable.name) {
    case 'Int':
      return name in LARGEST ? LARGEST[name] : 1;
    case 'Boolean':
      return true;
    case 'LocalDate':
      return '2026-01-01';
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    default:
      return 'x';
  }
}

describe('the cost estimate', () => {
  it('Limits: every operation of the admin, at its largest page, stays within depth and cost', () => {
    const files = readdirSync(adminOperations).filter((file) => file.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const document = parse(readFileSync(join(adminOperations, file), 'utf8'), queryParseOptions);
      for (const operation of document.definitions) {
        if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
        const variables: Record<string, unknown> = {};
        for (const definition of operation.variableDefinitions ?? []) {
          const name = definition.variable.name.value;
          variables[name] = sample(typeFromAST(schema, definition.type) as GraphQLInputType, name);
        }
        if (operation.name?.value === 'ComplianceMetrics') {
          variables.filter = { from: '2021-01-01', to: '2025-12-31' };
        }
        if (operation.name?.value === 'AuditLog') variables.first = 200;
        const measure = measureOperation(schema, document, operation, variables);
        expect(measure.cost, file).toBeLessThanOrEqual(MAX_QUERY_COST);
        expect(measure.depth, file).toBeLessThanOrEqual(MAX_QUERY_DEPTH);
      }
    }
  });

  it('Security: measuring is linear: a chain of 120 doubling fragments is measured in one pass, and saturates', () => {
    const links = 120;
    let text = 'query { ...F1 }\n';
    for (let i = 1; i < links; i += 1)
      text += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
    text += `fragment F${links} on Query { providers { id } }`;
    // Longer than the parser allows: the estimate must stay linear on its own.
    const document = parse(text);
    const operation = document.definitions[0] as OperationDefinitionNode;
    // Walked again at every spread, 2^119 visits would never end: the test would time out.
    const measure = measureOperation(schema, document, operation, {});
    expect(measure.cost).toBeGreaterThan(MAX_QUERY_COST);
    expect(Number.isFinite(measure.cost)).toBe(true);
  });

  it('Security: a fragment cycle does not loop the estimate', () => {
    const document = parse(
      'query { ...A } fragment A on Query { providers { id } ...B } fragment B on Query { ...A }',
    );
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(measureOperation(schema, document, operation, {}).cost).toBeGreaterThan(0);
  });

  it('Security: an empty page costs its count, not its items; a huge page of a huge fragment is no NaN', () => {
    let text = 'query($n: Int) { complaints(first: $n) { totalCount edges { node { ...C1 } } } }\n';
    for (let i = 1; i < 60; i += 1)
      text += `fragment C${i} on Complaint { ...C${i + 1} ...C${i + 1} }\n`;
    text += 'fragment C60 on Complaint { id }';
    const document = parse(text);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const empty = measureOperation(schema, document, operation, { n: 0 });
    expect(empty.cost).toBeLessThan(100);
    const full = measureOperation(schema, document, operation, { n: 100 });
    expect(full.cost).toBeGreaterThan(MAX_QUERY_COST);
    expect(Number.isNaN(full.cost)).toBe(false);
  });
});
