-- wrk script for the public intake benchmark (deploy/bench/run): every request is a new
-- submission with its own text and its own client address (as a proxy in front would give),
-- every other one with a name and phone number (encrypted on the way in). Non-201 answers are
-- counted and reported: the benchmark only counts accepted submissions. With a directory as the
-- second argument, the tracking code of every accepted submission is written to codes.txt there
-- at the end, so that the run can check each one is stored once, with its event.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  run = args[1] or tostring(os.time())
  counter = 0
  refused = 0
  codes_dir = args[2]
  codes = {}
end

function request()
  counter = counter + 1
  local contact = ""
  if counter % 2 == 0 then
    contact = ',"name":"压测","phone":"13800000000"'
  end
  local body = '{"text":"压测意见' .. run .. '-' .. id .. '-' .. counter
      .. '：建议加快推进母基金管理办法修订，并按季度公开基金投向与绩效。"' .. contact .. '}'
  local address = "10." .. id .. "." .. (math.floor(counter / 256) % 256) .. "." .. (counter % 256)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-Forwarded-For"] = address}, body)
end

function response(status, headers, body)
  if status == 201 then
    codes[#codes + 1] = string.match(body, '"trackingCode":"([^"]+)"') or "?"
  else
    refused = refused + 1
    if refused <= 3 then
      io.stderr:write("intake answered " .. status .. ": " .. body .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local refusedTotal = 0
  for _, thread in ipairs(threads) do
    refusedTotal = refusedTotal + thread:get("refused")
  end
  local accepted = summary.requests - refusedTotal
  local dir = threads[1] and threads[1]:get("codes_dir")
  if dir then
    local file = io.open(dir .. "/codes.txt", "w")
    for _, thread in ipairs(threads) do
      file:write(table.concat(thread:get("codes"), "\n"), "\n")
    end
    file:close()
  end
  io.write(string.format("intake: %d accepted, %.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, refused %d, socket errors %d\n",
      accepted, accepted / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, refusedTotal,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
