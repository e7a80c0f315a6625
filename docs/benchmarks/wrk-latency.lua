-- Prints the latency percentiles BENCHMARKS.md reports (wrk's own --latency has no p95), and the
-- count of responses with a status of 400 or more, so a run that measured errors is seen as such.
-- Usage: wrk -t2 -c8 -d20s -s docs/benchmarks/wrk-latency.lua URL
done = function(summary, latency, requests)
  local function ms(us) return string.format("%.1f ms", us / 1000) end
  io.write(string.format("requests %d, status >= 400: %d, p50 %s, p95 %s, p99 %s, max %s\n",
    summary.requests, summary.errors.status, ms(latency:percentile(50)), ms(latency:percentile(95)),
    ms(latency:percentile(99)), ms(latency.max)))
end
