import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config.js';

export type { DestinationStream, Logger };

/**
 * The server's JSON log: one object a line on stdout (or `destination`, where tests read it).
 * What goes in is chosen by its callers field by field; nothing logs a request's variables,
 * query text, headers or anyone's personal data.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * An error as the log keeps it: its class, message and stack, with SQL string literals and
 * `Key (column)=(value)` details masked (a driver's message may quote the row it refused).
 * Its other properties (a driver error's parameters, say) are left out.
 */
export function loggedError(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: mask(String(error)) };
  return {
    type: error.name,
    message: mask(error.message),
    ...(error.stack ? { stack: mask(error.stack) } : {}),
  };
}

function mask(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, "'…'").replace(/\)=\([^)]*\)/g, ')=(…)');
}
