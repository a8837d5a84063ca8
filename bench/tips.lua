-- The wrk script of the tip benchmarks (bench/tips.sh, bench/cluster_tips.sh): one POST
-- /api/v1/public/tips per request, a description that differs on every request (four Vietnamese
-- texts of ~110 characters, plus run, thread and request number), 2xx and other statuses counted
-- per thread and summed in done() into one machine-readable TIPS line.
-- Arguments after "--": a run tag (any short text) and the unit's code (default 21220-001).
local texts = {
  "Có nhóm thanh niên lạ mặt tụ tập sử dụng ma túy ở bãi đất trống cuối thôn, thường vào buổi tối sau 22 giờ",
  "Phát hiện người lạ thường xuyên ra vào căn nhà cho thuê đầu ngõ, nghi mua bán trái phép chất ma túy",
  "Một số đối tượng đi xe máy không biển số thường dừng ở quán nước ven đường, trao đổi gói nhỏ nghi là ma túy",
  "Người dân phản ánh mùi khét lạ và nhiều người ra vào khu nhà kho bỏ hoang gần chợ vào ban đêm, nghi sử dụng ma túy",
}
local headers = { ["Content-Type"] = "application/json" }
local threads = {}
local nthreads = 0
function setup(thread)
  nthreads = nthreads + 1
  thread:set("tid", nthreads)
  table.insert(threads, thread)
end
run = ""
unit = "21220-001"
function init(args)
  run = args[1] or ""
  unit = args[2] or unit
end
n = 0
ok = 0
bad = 0
statuses = {}
function request()
  n = n + 1
  local body = '{"unit":"' .. unit .. '","category":"drugs","description":"' .. texts[(n % #texts) + 1] ..
    ' (lần ' .. run .. tid .. '-' .. n .. ')","anonymous":true}'
  return wrk.format("POST", "/api/v1/public/tips", headers, body)
end
function response(status, hdrs, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    bad = bad + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end
function done(summary, latency, requests)
  local ok_sum, bad_sum, st = 0, 0, {}
  for _, t in ipairs(threads) do
    ok_sum = ok_sum + t:get("ok")
    bad_sum = bad_sum + t:get("bad")
    for k, v in pairs(t:get("statuses")) do st[k] = (st[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(st) do table.insert(parts, k .. ":" .. v) end
  table.sort(parts)
  local e = summary.errors
  io.write(string.format("TIPS ok=%d non2xx=%d requests=%d duration_us=%d connect=%d read=%d write=%d timeout=%d statuses=%s\n",
    ok_sum, bad_sum, summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout,
    (#parts > 0) and table.concat(parts, ",") or "-"))
end
