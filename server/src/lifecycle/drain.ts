import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/**
 * How long a graceful shutdown leaves a connection that was idle when it began: a request may
 * already be on its way over it (a keep-alive client sends at once), and it is then answered.
 */
export const IDLE_GRACE_MS = 1_000;
const SWEEP_EVERY_MS = 50;

export interface Drain {
  /** From the start of draining: `/readyz` answers 503 and every answer closes its connection. */
  readonly draining: boolean;
  /**
   * Stops accepting connections, lets the requests in flight finish and closes every connection:
   * an idle one after `idleGraceMs`, a busy one after its answer, any left after `timeoutMs`
   * (the requests then cut are counted). Called again, it returns the same promise.
   */
  drain(timeoutMs: number, idleGraceMs?: number): Promise<{ cut: number }>;
}

/** Tracks `server`'s requests in flight so that it can be drained. */
export function drainable(server: Server): Drain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let drained: Promise<{ cut: number }> | null = null;
  // Before the app's own handler, which may answer at once.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    if (draining) res.setHeader('connection', 'close');
  });

  async function drain(timeoutMs: number, idleGraceMs: number): Promise<{ cut: number }> {
    draining = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    // net's close, not http's: http's also drops every idle keep-alive connection at once,
    // including one over which a request is already under way. New connections are refused.
    const closed = new Promise<void>((resolve) => {
      NetServer.prototype.close.call(server, () => resolve());
    });
    let sweeper: NodeJS.Timeout | undefined;
    const grace = setTimeout(
      () => {
        server.closeIdleConnections();
        // An answer whose headers left before draining began keeps its connection open.
        sweeper = setInterval(() => server.closeIdleConnections(), SWEEP_EVERY_MS);
      },
      Math.min(idleGraceMs, timeoutMs),
    );
    let cut = 0;
    const deadline = setTimeout(() => {
      cut = inFlight.size;
      server.closeAllConnections();
    }, timeoutMs);
    await closed;
    clearTimeout(grace);
    clearTimeout(deadline);
    clearInterval(sweeper);
    // Nothing is left to close: this also stops http's own connection-checking timer.
    server.closeAllConnections();
    return { cut };
  }

  return {
    get draining() {
      return draining;
    },
    drain(timeoutMs, idleGraceMs = IDLE_GRACE_MS) {
      drained ??= drain(timeoutMs, idleGraceMs);
      return drained;
    },
  };
}
