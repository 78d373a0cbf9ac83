// Preloaded with `node --import` into a job the bench times: reports the
// process's peak resident set size on stderr as it exits.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
});
