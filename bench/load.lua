-- wrk script for bench/load.py: counts responses that are not 200 (wrk's own
-- error count only sees statuses above 399) and prints one JSON line at the end.
local threads = {}

setup = function(thread)
  thread:set("not_ok", 0)
  table.insert(threads, thread)
end

response = function(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

done = function(summary, latency, requests)
  local not_ok = 0
  for _, thread in ipairs(threads) do
    not_ok = not_ok + thread:get("not_ok")
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
      .. '"max_us": %d, "not_ok": %d, "socket_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    not_ok, errors.connect + errors.read + errors.write, errors.timeout
  ))
end
