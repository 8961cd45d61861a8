// Preloaded by the start-up bench (node --import): at exit, prints this process's CPU time (user and
// system microseconds, all threads) as the last line on stderr.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncrosscheck-bench-cpu ${user} ${system}\n`);
});
