# String building: concatenation, conversion of numbers, joins.
fun main()
  let parts = []
  for i in 0 until 20000
    let s = "item-" .. i .. ":" .. (i * 3)
    if s.len() > 12
      parts.push(s.upper())
    else
      parts.push(s)
    end
  end
  let text = parts.join(",")
  let out = ""
  for i in 0 until 2000
    out = out .. "x"
  end
  text.len() + out.len()
end
