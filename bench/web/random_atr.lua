-- wrk script: parse2json with a different ATR on each request (T=1 with 4 historical bytes drawn at
-- random, 2^32 of them), so that nothing is served from the document cache.
math.randomseed(os.time())
request = function()
  local hist = string.format("%08X", math.random(0, 0x7FFFFFFF))
  return wrk.format("GET", "/V1/parse2json?ATR=3B848001" .. hist .. "00")
end
