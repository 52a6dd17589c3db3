// The SPA's GraphQL operations as it sends them, for the server's tests and the benchmark: an
// operation file with the fragments it uses (transitively) from admin/src/graphql/*.fragment.graphql.
// Plain JavaScript, so that `node test/bench/run.js` reads it without a build.
import { readFileSync, readdirSync } from 'node:fs';
import { Kind, parse, print, visit } from 'graphql';

const DIRECTORY = new URL('./src/graphql/', import.meta.url);

function fragmentsByName() {
  const fragments = new Map();
  for (const file of readdirSync(DIRECTORY).filter((name) => name.endsWith('.fragment.graphql'))) {
    for (const definition of parse(readFileSync(new URL(file, DIRECTORY), 'utf8')).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
      }
    }
  }
  return fragments;
}

function spreadsOf(node) {
  const names = new Set();
  visit(node, {
    FragmentSpread(spread) {
      names.add(spread.name.value);
    },
  });
  return names;
}

/** The text of `admin/src/graphql/<file>` with every fragment it uses appended. */
export function spaOperation(file) {
  const document = parse(readFileSync(new URL(file, DIRECTORY), 'utf8'));
  const fragments = fragmentsByName();
  const used = new Map();
  const pending = [...spreadsOf(document)];
  while (pending.length > 0) {
    const name = pending.pop();
    if (used.has(name)) continue;
    const fragment = fragments.get(name);
    if (!fragment) throw new Error(`${file}: no fragment ${name} in admin/src/graphql`);
    used.set(name, fragment);
    pending.push(...spreadsOf(fragment));
  }
  return print({ ...document, definitions: [...document.definitions, ...used.values()] });
}
