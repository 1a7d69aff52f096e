# The counter without a browser: `quest test examples/counter`.
use "std/test" { module, describe, it, assert, assert_eq }
use "std/web/liveview" as lv
use "./app" as app

module("examples/counter")

describe("CounterView", fun ()
    it("starts at zero", fun ()
        let view = lv.test_mount(app.CounterView)
        assert(view.render().contains("<h1>Count: 0</h1>"))
        assert_eq(view.get("count"), 0)
    end)

    it("counts up, down and back to zero", fun ()
        let view = lv.test_mount(app.CounterView)
        view.click("increment").click("increment").click("increment")
        assert(view.render().contains("Count: 3"))
        view.click("decrement")
        assert(view.render().contains("Count: 2"))
        view.click("reset")
        assert(view.render().contains("Count: 0"))
        view.click("decrement")
        assert(view.render().contains("Count: -1"))
    end)

    it("sends only the new count after a click", fun ()
        let view = lv.test_mount(app.CounterView)
        view.click("increment")
        assert_eq(view.last_diff(), {"0": "1"})
    end)

    it("keeps each mount's count apart", fun ()
        let a = lv.test_mount(app.CounterView)
        let b = lv.test_mount(app.CounterView)
        a.click("increment")
        assert_eq(a.get("count"), 1)
        assert_eq(b.get("count"), 0)
    end)

    it("ignores an event it does not know", fun ()
        let view = lv.test_mount(app.CounterView)
        view.click("explode")
        assert_eq(view.get("count"), 0)
        assert_eq(view.last_diff(), {})
    end)
end)
