import { readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AnyModule, buildServices, defineModule } from '../src/app-module.js';
import { appModules } from '../src/composition.js';
import { entities } from '../src/db/entities.js';
import { createResolvers } from '../src/graphql/resolvers.js';
import { testServices } from './support/factories.js';

class Clock {}
class Greeter {
  constructor(readonly clock: Clock) {}
}
const clockModule = defineModule({ name: 'clock', services: () => ({ clock: new Clock() }) });
const greeterModule = defineModule({
  name: 'greeter',
  needs: () => [clockModule],
  services: ({ clock }) => ({ greeter: new Greeter(clock) }),
});

describe('modules', () => {
  it('Modules: services are built after the modules they need, whatever the order of the list, each once', () => {
    const services = buildServices([greeterModule, clockModule], {});
    expect(services.greeter.clock).toBe(services.clock);
  });

  it('Modules: a needed module missing from the composition root stops the wiring', () => {
    expect(() => buildServices([greeterModule], {})).toThrow(
      "the module 'clock' is needed but not in the composition root",
    );
  });

  it('Modules: two modules giving the same name, or needing each other, stop the wiring', () => {
    const otherClock = defineModule({ name: 'other', services: () => ({ clock: new Clock() }) });
    expect(() => buildServices([clockModule, otherClock], {})).toThrow(
      "two modules give the service 'clock'",
    );
    const chicken: AnyModule = defineModule({ name: 'chicken', needs: () => [egg] });
    const egg: AnyModule = defineModule({ name: 'egg', needs: () => [chicken] });
    expect(() => buildServices([chicken, egg], {})).toThrow(
      'modules need each other: chicken → egg → chicken',
    );
  });

  it('Modules: every module with parts is in the composition root, which derives the wiring', () => {
    const folders = readdirSync(new URL('../src/modules/', import.meta.url)).filter((name) =>
      existsSync(new URL(`../src/modules/${name}/module.ts`, import.meta.url)),
    );
    expect(appModules.map((module) => module.name).sort()).toEqual(folders.sort());
    expect(entities).toHaveLength(new Set(entities).size);
    const resolvers = createResolvers(testServices());
    for (const someClass of resolvers.classes) {
      expect(resolvers.container.get(someClass)).toBeInstanceOf(someClass);
    }
    expect(Object.keys(resolvers.referenceResolvers).sort()).toEqual([
      'Authority',
      'Complaint',
      'Provider',
      'PublicService',
    ]);
  });
});
