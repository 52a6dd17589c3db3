// Starts a target in a child process and talks to it: its URL, its CPU time and memory, stop.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

export function startTarget(kind, settings) {
  const child = fork(CHILD, [kind], {
    env: { ...process.env, NODE_ENV: 'production', BENCH_TARGET: JSON.stringify(settings) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = [];
  child.on('message', (message) => {
    if (message.type === 'stats') pending.shift()?.(message);
  });
  return new Promise((resolve, reject) => {
    const onExit = (code) => reject(new Error(`${kind} exited with ${code} before it was ready`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      if (message.type !== 'ready') return;
      child.off('exit', onExit);
      resolve({
        kind,
        pid: child.pid,
        url: message.url,
        /** CPU microseconds (user + system) and resident memory, so far. */
        stats() {
          return new Promise((done) => {
            pending.push((m) =>
              done({
                cpuMicros: m.cpu.user + m.cpu.system,
                rss: m.memory.rss,
                heap: m.memory.heapUsed,
              }),
            );
            child.send('stats');
          });
        },
        stop() {
          return new Promise((done) => {
            if (child.exitCode !== null) return done();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            child.send('stop');
          });
        },
      });
    });
  });
}
