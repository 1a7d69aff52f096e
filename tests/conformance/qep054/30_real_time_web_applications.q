# QEP-054 block 30, seed line 1879: real time web applications
use "std/web/liveview" as lv
let CounterView = lv.component(fun ()
    # Server-rendered reactive UI with zero JavaScript required
end)
lv.mount("/counter", CounterView)
