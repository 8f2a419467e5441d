-- GET /api/v1/procedures?q=... cycling through queries with and without diacritics.
local queries = {"dang%20ky%20khai%20sinh", "%C4%91%C4%83ng%20k%C3%BD%20k%E1%BA%BFt%20h%C3%B4n",
                 "giay%20phep%20lai%20xe", "chung%20thuc%20ban%20sao", "ho%20kinh%20doanh", "thuong%20tru",
                 "xay%20dung", "ly%20lich%20tu%20phap"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/procedures?size=10&q=" .. queries[(i % #queries) + 1])
end
