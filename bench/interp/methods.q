# Method calls on user types: construction, instance methods, field updates.
type Vec
  pub x: Num
  pub y: Num

  fun add(other)
    Vec.new(x: self.x + other.x, y: self.y + other.y)
  end

  fun scale(k)
    self.x = self.x * k
    self.y = self.y * k
    self
  end

  fun dot(other)
    self.x * other.x + self.y * other.y
  end
end

type Counter
  pub count: Int = 0

  fun bump(n)
    self.count += n
  end
end

fun main()
  let acc = Vec.new(x: 0, y: 0)
  let delta = Vec.new(x: 1, y: 2)
  let counter = Counter.new()
  for i in 0 until 20000
    acc = acc.add(delta)
    counter.bump(acc.dot(delta) % 7)
  end
  acc.scale(2)
  acc.x + acc.y + counter.count
end
