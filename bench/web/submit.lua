-- wrk script: POST the submission form with the antiforgery cookie and token fetched beforehand
-- (COOKIE and TOKEN in the environment), a different description per request, and count answers:
-- 302 = acknowledged (committed), anything else = refused.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  acknowledged = 0
  refused = 0
end

request = function()
  counter = counter + 1
  local body = "__af=" .. os.getenv("TOKEN") .. "&Atr=" .. os.getenv("ATR") .. "&Description=bench+" .. id .. "+" .. counter .. "&Url=&Contact=&Website="
  return wrk.format("POST", "/submit", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = os.getenv("COOKIE"),
  }, body)
end

response = function(status, headers, body)
  if status == 302 then acknowledged = acknowledged + 1 else refused = refused + 1 end
end

done = function(summary, latency, requests)
  local a, r = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("acknowledged")
    r = r + t:get("refused")
  end
  io.write(string.format("acknowledged %d refused %d\n", a, r))
end
