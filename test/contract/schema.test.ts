import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  buildSchema,
  findBreakingChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { gql } from 'graphql-tag';
import { describe, expect, it } from 'vitest';

const contractPath = fileURLToPath(new URL('../../../shared/contract/complaints.graphql', import.meta.url));
const printedPath = fileURLToPath(new URL('../../schema/complaints.graphql', import.meta.url));

function subgraph(sdl: string): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: gql(sdl) }]);
}

const contract = subgraph(readFileSync(contractPath, 'utf8'));
const printed = readFileSync(printedPath, 'utf8');
// The printed SDL is already a whole subgraph schema (with _entities, _service…).
const served = buildSchema(printed);

describe('the public contract', () => {
  it('Contract: the served SDL keeps all of the contract with no breaking change', () => {
    expect(findBreakingChanges(contract, served)).toEqual([]);
  });

  it('Contract: the check itself catches a renamed field and a renamed argument', () => {
    const withoutField = printed.replace(/^ {2}overdue: Boolean!$/m, '  isOverdue: Boolean!');
    expect(withoutField).not.toBe(printed);
    expect(findBreakingChanges(contract, buildSchema(withoutField)).length).toBeGreaterThan(0);
    const renamed = printed.replace('trackingCode: String!', 'code: String!');
    expect(findBreakingChanges(contract, buildSchema(renamed)).length).toBeGreaterThan(0);
  });

  it('Contract: every type, field, argument and enum value of our own carries a description', () => {
    const missing: string[] = [];
    for (const type of Object.values(served.getTypeMap())) {
      if (type.name.startsWith('_') || type.name.startsWith('link__') || type.name.startsWith('federation__')) continue;
      if (!type.astNode) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (field.name.startsWith('_')) continue;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
