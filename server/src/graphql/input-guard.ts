import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  type ArgumentNode,
  type DocumentNode,
  type SelectionNode,
  type ValueNode,
} from 'graphql';
import { MAX_LENGTH, messageFor, type Language, type MessageKey } from '@complaints/domain';
import { BadUserInputError } from '../errors.js';
import type { ApiContext } from './request-context.js';

/** No text argument or input field of the API is longer than the longest the rules allow. */
export const MAX_TEXT_LENGTH = Math.max(...Object.values(MAX_LENGTH));

// C0 and C1 controls but tab, line feed and carriage return (multi-line texts keep them), and
// unpaired surrogates: PostgreSQL refuses NUL outright, and the rest only hide or garble text.
// eslint-disable-next-line no-control-regex -- finding control characters is this rule's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Surrogate}/u;

type Variables = Readonly<Record<string, unknown>>;

/**
 * The one place every input passes through before any resolver runs: each string given to an
 * argument, as a literal or through a variable, at any depth of an input object or list, is
 * refused when it holds a control character or exceeds MAX_TEXT_LENGTH. BAD_USER_INPUT names
 * every offending field ('recipient.surname' inside `input`, 'filter.search', 'reason'), and
 * nothing executes, so nothing is written.
 */
export function inputGuardPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, request, response, contextValue }) {
          const fields = refusedTexts(document, request.variables ?? {}, contextValue.language);
          if (Object.keys(fields).length > 0) {
            response.http.status = 400;
            throw new BadUserInputError(fields);
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/** Field path → message for every refused string; walks the document once (linear in its size). */
export function refusedTexts(
  document: DocumentNode,
  variables: Variables,
  language: Language,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const refuse = (path: string, key: MessageKey) => {
    fields[path] ??= messageFor(
      { field: path, key, ...(key === 'tooLong' ? { params: { max: MAX_TEXT_LENGTH } } : {}) },
      language,
    );
  };
  const checkText = (path: string, text: string) => {
    if (text.length > MAX_TEXT_LENGTH) refuse(path, 'tooLong');
    else if (CONTROL.test(text)) refuse(path, 'controlCharacter');
  };
  const walkJson = (path: string, value: unknown): void => {
    if (typeof value === 'string') checkText(path, value);
    else if (Array.isArray(value))
      value.forEach((item, i) => walkJson(join(path, String(i)), item));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walkJson(join(path, key), item);
    }
  };
  const walkValue = (path: string, node: ValueNode): void => {
    switch (node.kind) {
      case Kind.STRING:
        return checkText(path, node.value);
      case Kind.VARIABLE:
        return walkJson(path, variables[node.name.value]);
      case Kind.LIST:
        return node.values.forEach((item, i) => walkValue(join(path, String(i)), item));
      case Kind.OBJECT:
        return node.fields.forEach((field) => walkValue(join(path, field.name.value), field.value));
      case Kind.INT:
      case Kind.FLOAT:
      case Kind.BOOLEAN:
      case Kind.NULL:
      case Kind.ENUM:
        return;
    }
  };
  const walkArguments = (args: readonly ArgumentNode[] | undefined) => {
    // An input object's fields are named as the services name them: relative to `input`.
    for (const arg of args ?? []) {
      walkValue(arg.name.value === 'input' ? '' : arg.name.value, arg.value);
    }
  };
  const walkSelections = (selections: readonly SelectionNode[] | undefined): void => {
    for (const selection of selections ?? []) {
      if (selection.kind === Kind.FIELD) walkArguments(selection.arguments);
      walkArguments(selection.directives?.flatMap((d) => d.arguments ?? []));
      if (selection.kind !== Kind.FRAGMENT_SPREAD)
        walkSelections(selection.selectionSet?.selections);
    }
  };
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OPERATION_DEFINITION ||
      definition.kind === Kind.FRAGMENT_DEFINITION
    ) {
      walkSelections(definition.selectionSet.selections);
    }
  }
  return fields;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
