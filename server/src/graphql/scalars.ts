import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isLocalDate, type LocalDate } from '@complaints/calendar';

function badScalar(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseLocalDateValue(value: unknown): LocalDate {
  if (typeof value !== 'string' || !isLocalDate(value)) {
    throw badScalar(`LocalDate must be a real date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const LocalDateScalar = new GraphQLScalarType<LocalDate, string>({
  name: 'LocalDate',
  description:
    "A calendar date, YYYY-MM-DD, in the Republic of Kazakhstan's calendar (Asia/Almaty).",
  serialize(value) {
    if (typeof value === 'string' && isLocalDate(value)) return value;
    throw new GraphQLError(`Cannot serialize ${String(value)} as LocalDate`);
  },
  parseValue: parseLocalDateValue,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badScalar('LocalDate must be a string YYYY-MM-DD');
    return parseLocalDateValue(ast.value);
  },
});

// An offset is required: an instant without one is ambiguous across the country's history.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTimeValue(value: unknown): Date {
  const date = typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw badScalar(`DateTime must be ISO-8601 with an offset, got ${JSON.stringify(value)}`);
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO-8601 with offset, e.g. 2026-11-24T10:15:00+05:00.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('Cannot serialize DateTime');
    return date.toISOString();
  },
  parseValue: parseDateTimeValue,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badScalar('DateTime must be a string');
    return parseDateTimeValue(ast.value);
  },
});
