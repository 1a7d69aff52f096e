# Float arithmetic: an escape-time Mandelbrot count; the points' coordinates come from
# Arrays, so their type is known only at run time; abs() and floor() on Floats.
fun axis(n, lo, hi)
  let out = []
  for i in 0 until n
    out.push(lo + (hi - lo) * i / n)
  end
  out
end

fun mandel(xs, ys, limit)
  let count = 0
  let edge = 0
  for ci in ys
    for cr in xs
      let zr = 0.0
      let zi = 0.0
      let i = 0
      while i < limit and zr * zr + zi * zi <= 4.0
        let t = zr * zr - zi * zi + cr
        zi = 2.0 * zr * zi + ci
        zr = t
        i += 1
      end
      if i == limit
        count += 1
      elif (zr - zi).abs() < 2.0
        edge += (zr * 10.0).floor() % 7
      end
    end
  end
  count * 1000 + edge
end

fun main()
  mandel(axis(64, -2.0, 0.5), axis(48, -1.0, 1.0), 60)
end
