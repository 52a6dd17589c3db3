import type { DestinationStream } from '../../src/observability/logger.js';

export type LogLine = Record<string, unknown> & { msg: string; level: string };

/** The JSON log of an app, captured: pass `destination` as `logDestination`. */
export function captureLog(): {
  destination: DestinationStream;
  /** Every line written so far, as text. */
  text(): string;
  lines(): LogLine[];
  /** The first line that matches, waited for: a request is logged once its answer is done. */
  waitFor(match: (line: LogLine) => boolean): Promise<LogLine>;
} {
  const written: string[] = [];
  const lines = () => written.map((line) => JSON.parse(line) as LogLine);
  return {
    destination: { write: (line: string) => void written.push(line) },
    text: () => written.join(''),
    lines,
    async waitFor(match) {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const found = lines().find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no such log line in:\n${written.join('')}`);
    },
  };
}

/** The value of one sample of a Prometheus text exposition, or undefined. */
export function sample(
  exposition: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = labelsOf(match[2] ?? '');
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) {
      return Number(match[3]);
    }
  }
  return undefined;
}

/** Every distinct value a label takes in the samples of `name`. */
export function labelValues(exposition: string, name: string, label: string): Set<string> {
  const values = new Set<string>();
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} \S+$/.exec(line);
    if (!match || match[1] !== name) continue;
    const value = labelsOf(match[2]!)[label];
    if (value !== undefined) values.add(value);
  }
  return values;
}

function labelsOf(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [, key, value] of text.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
    labels[key!] = value!;
  }
  return labels;
}
