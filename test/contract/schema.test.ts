import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  findBreakingChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';
import { gql } from 'graphql-tag';
import { describe, expect, it } from 'vitest';

const contractPath = fileURLToPath(
  new URL('../../../shared/contract/complaints.graphql', import.meta.url),
);
const printedPath = fileURLToPath(new URL('../../schema/complaints.graphql', import.meta.url));

/** A subgraph schema from SDL; what federation adds itself (_entities, _service…) is added again. */
function subgraph(sdl: string): GraphQLSchema {
  const document = gql(sdl);
  const own = {
    ...document,
    definitions: document.definitions
      .filter((d) => !('name' in d && d.name?.value.startsWith('_')))
      .map((d) =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION
          ? { ...d, fields: d.fields?.filter((f) => !f.name.value.startsWith('_')) }
          : d,
      )
      .filter((d) => d.kind !== Kind.OBJECT_TYPE_EXTENSION || (d.fields?.length ?? 0) > 0),
  };
  return buildSubgraphSchema([{ typeDefs: own }]);
}

const contract = subgraph(readFileSync(contractPath, 'utf8'));
const printed = readFileSync(printedPath, 'utf8');
const served = subgraph(printed);

describe('the public contract', () => {
  it('Contract: the served SDL keeps all of the contract with no breaking change', () => {
    expect(findBreakingChanges(contract, served)).toEqual([]);
  });

  it('Contract: the check itself catches a renamed field and a renamed argument', () => {
    const withoutField = printed.replace(/^ {2}overdue: Boolean!$/m, '  isOverdue: Boolean!');
    expect(withoutField).not.toBe(printed);
    expect(findBreakingChanges(contract, subgraph(withoutField)).length).toBeGreaterThan(0);
    const renamed = printed.replace('trackingCode: String!', 'code: String!');
    expect(findBreakingChanges(contract, subgraph(renamed)).length).toBeGreaterThan(0);
  });

  it('Contract: every type, field, argument and enum value of our own carries a description', () => {
    const missing: string[] = [];
    for (const type of Object.values(served.getTypeMap())) {
      if (
        type.name.startsWith('_') ||
        type.name.startsWith('link__') ||
        type.name.startsWith('federation__')
      )
        continue;
      if (!type.astNode) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        const fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[] = Object.values(
          type.getFields(),
        );
        for (const field of fields) {
          if (field.name.startsWith('_')) continue;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          const args: readonly GraphQLArgument[] = 'args' in field ? field.args : [];
          for (const arg of args) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
