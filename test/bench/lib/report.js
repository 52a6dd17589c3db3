// Plain-text tables on stdout.

function cell(value, width, right = true) {
  const text = String(value ?? '—');
  return right ? text.padStart(width) : text.padEnd(width);
}

export function table(headers, rows) {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => String(row[i] ?? '—').length)),
  );
  const line = (values) =>
    values
      .map((v, i) => cell(v, widths[i], i > 0))
      .join('  ')
      .replace(/\s+$/, '');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fixed = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);

/** "6 (0 prepared, 6 parsed) + 2 BEGIN/COMMIT". */
export function statementCell(counts) {
  if (!counts) return '—';
  const parts = [`${fixed(counts.prepared, 1).replace(/\.0$/, '')} prepared`];
  if (counts.simple > 0) parts.push(`${fixed(counts.simple, 1).replace(/\.0$/, '')} simple`);
  parts.push(`${fixed(counts.parses, 1).replace(/\.0$/, '')} parsed`);
  const tx =
    counts.transactionControl > 0
      ? ` + ${fixed(counts.transactionControl, 1).replace(/\.0$/, '')} tx`
      : '';
  return `${fixed(counts.statements, 1).replace(/\.0$/, '')} (${parts.join(', ')})${tx}`;
}
