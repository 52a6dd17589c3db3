// A target server in its own process, so that the load generator never shares its event loop.
// `node child.js <service|postgraphile|raw>` with the settings in BENCH_TARGET (JSON); it answers
// the parent's messages: 'stats' (CPU time and memory so far) and 'stop'.
const kind = process.argv[2];
const settings = JSON.parse(process.env.BENCH_TARGET ?? '{}');

const modules = {
  service: () => import('./service.js'),
  postgraphile: () => import('./postgraphile.js'),
  raw: () => import('./raw.js'),
};
if (!modules[kind]) throw new Error(`unknown target ${kind}`);

// The parent went away (killed, crashed): so does the target.
process.on('disconnect', () => process.exit(1));

const { start } = await modules[kind]();
const target = await start(settings);

process.on('message', (message) => {
  if (message === 'stats') {
    process.send({ type: 'stats', cpu: process.cpuUsage(), memory: process.memoryUsage() });
  } else if (message === 'stop') {
    void Promise.resolve(target.stop()).finally(() => process.exit(0));
  }
});
process.send({ type: 'ready', url: target.url, info: target.info ?? null });
