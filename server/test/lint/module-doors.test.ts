import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The module doors rule of eslint.config.js, run as configured on imports a change might add.

const root = fileURLToPath(new URL('../../../', import.meta.url));
// The project's own configuration (plain JavaScript, so typed here).
const { default: config } = (await import(`${root}eslint.config.js`)) as {
  default: Linter.Config[];
};
const doors = config.filter((entry) => entry.name?.startsWith('module-doors/'));

function doorErrors(filename: string, code: string): string[] {
  const linter = new Linter({ cwd: root, configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { '@typescript-eslint': tseslint.plugin },
      },
      ...doors,
    ],
    { filename: `${root}${filename}` },
  );
  return messages.map((message) => `${message.ruleId ?? 'parser'}: ${message.message}`);
}

describe('module doors', () => {
  it('Modules: the rule is configured for modules and for the wiring', () => {
    expect(doors.map((entry) => entry.name)).toEqual([
      'module-doors/modules',
      'module-doors/wiring',
    ]);
  });

  it("Modules: another module's internals are refused, values and types alike", () => {
    const file = 'server/src/modules/consent/consent.service.ts';
    expect(
      doorErrors(file, "import { Complaint } from '../complaints/complaint.entity.js';\n"),
    ).toEqual([
      "@typescript-eslint/no-restricted-imports: '../complaints/complaint.entity.js' import is restricted from being used by a pattern. Import another module only through its index.ts.",
    ]);
    expect(
      doorErrors(file, "import type { ComplaintView } from '../complaints/complaint-view.js';\n"),
    ).toHaveLength(1);
  });

  it('Modules: the door itself, the own module and shared code are allowed', () => {
    const file = 'server/src/modules/consent/consent.service.ts';
    expect(
      doorErrors(file, "import { ComplaintService } from '../complaints/index.js';\n"),
    ).toEqual([]);
    expect(doorErrors(file, "import { Consent } from './consent.entity.js';\n")).toEqual([]);
    expect(doorErrors(file, "import { sql } from '../../db/statement.js';\n")).toEqual([]);
  });

  it("Modules: the app's wiring reaches a module only through its door", () => {
    expect(
      doorErrors(
        'server/src/composition.ts',
        "import { auditModule } from './modules/audit/module.js';\n",
      ),
    ).toEqual([
      "@typescript-eslint/no-restricted-imports: './modules/audit/module.js' import is restricted from being used by a pattern. Import a module only through its index.ts.",
    ]);
    expect(
      doorErrors(
        'server/src/composition.ts',
        "import { complaintsModule } from './modules/complaints/index.js';\n",
      ),
    ).toEqual([]);
  });
});
