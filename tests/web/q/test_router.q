# std/web/router: patterns, matching, routers and their place in the web app.
use "std/test" { module, describe, it, assert, assert_eq, assert_nil, assert_not_nil }
use "std/web" as web
use "std/web/router" as router

module("std/web/router")

describe("parse_pattern", fun ()
  it("splits static segments and drops empty ones", fun ()
    let p = router.parse_pattern("/shop/items/")
    assert_eq(p, [{"type": "static", "value": "shop"}, {"type": "static", "value": "items"}])
    assert_eq(router.parse_pattern("/"), [])
  end)

  it("names parameters and their types", fun ()
    let p = router.parse_pattern("/a/{slug}/{n<int>}/{x<float>}/{id<uuid>}/{rest<path>}")
    assert_eq(p[1], {"type": "param", "name": "slug", "param_type": "str"})
    assert_eq(p[2]["param_type"], "int")
    assert_eq(p[3]["param_type"], "float")
    assert_eq(p[4]["param_type"], "uuid")
    assert_eq(p[5]["param_type"], "path")
  end)

  it("refuses a path parameter before the end and unknown types", fun ()
    for bad in ["/f/{p<path>}/meta", "/f/{n<number>}", "/f/{n"]
      let caught = nil
      try
        router.parse_pattern(bad)
      catch e: ValueErr
        caught = e.message()
      end
      assert_not_nil(caught, bad)
    end
  end)
end)

describe("match_path", fun ()
  it("gives the parameters, decoded and converted", fun ()
    let p = router.parse_pattern("/u/{id<int>}/posts/{slug}")
    assert_eq(router.match_path(p, "/u/42/posts/hello%20world"), {"id": 42, "slug": "hello world"})
    assert_eq(router.match_path("/price/{v<float>}", "/price/2.5")["v"], 2.5)
    assert_eq(router.match_path("/files/{p<path>}", "/files/docs/a/b.md"), {"p": "docs/a/b.md"})
  end)

  it("is nil when segments or types do not fit", fun ()
    let p = router.parse_pattern("/post/{slug}")
    assert_nil(router.match_path(p, "/user/x"))
    assert_nil(router.match_path(p, "/post/x/comments"))
    assert_nil(router.match_path(p, "/post/"))
    assert_nil(router.match_path("/u/{id<int>}", "/u/abc"))
    assert_nil(router.match_path("/p/{v<float>}", "/p/not-a-number"))
    assert_nil(router.match_path("/d/{id<uuid>}", "/d/1234"))
  end)
end)

describe("Router", fun ()
  it("dispatches by method and path, static routes first", fun ()
    let r = router.Router.new()
    let seen = []
    r.get("/post/{slug}", fun (req) seen.push("dynamic " .. req["params"]["slug"]) {"status": 200} end)
    r.get("/post/popular", fun (req) seen.push("static") {"status": 200} end)
    r.post("/post/{slug}", fun (req) seen.push("post") {"status": 201} end)
    assert_eq(r.routes.len(), 3)
    assert_eq(r.routes[0]["path"], "/post/popular")
    r._dispatch({"method": "GET", "path": "/post/popular"})
    r._dispatch({"method": "GET", "path": "/post/hi"})
    assert_eq(r._dispatch({"method": "POST", "path": "/post/hi"})["status"], 201)
    assert_nil(r._dispatch({"method": "DELETE", "path": "/post/hi"}))
    assert_eq(seen, ["static", "dynamic hi", "post"])
  end)

  it("dispatches below a base path", fun ()
    let r = router.Router.new()
    r.get("/users/{id<int>}", fun (req) {"status": 200, "body": "user " .. req["params"]["id"]} end)
    assert_eq(r._dispatch({"method": "GET", "path": "/api/users/7"}, "/api")["body"], "user 7")
    assert_nil(r._dispatch({"method": "GET", "path": "/other/users/7"}, "/api"))
  end)

  it("checks its arguments", fun ()
    let r = router.Router.new()
    let caught = nil
    try
      r.get("/x", "not a function")
    catch e: TypeErr
      caught = e.message()
    end
    assert_eq(caught, "Router.get expects a Fun handler, got Str")
  end)
end)

describe("web.route", fun ()
  it("registers routers in order and refuses a relative base", fun ()
    let before = web.get_registered_routers().len()
    let r = router.Router.new()
    web.route("/api", r)
    let all = web.get_registered_routers()
    assert_eq(all.len(), before + 1)
    assert_eq(all[all.len() - 1]["base_path"], "/api")
    let caught = false
    try
      web.route("api", r)
    catch e: ValueErr
      caught = true
    end
    assert(caught)
  end)

  it("records the CORS policy", fun ()
    web.set_cors(origins: ["http://localhost:3000"], methods: ["get", "POST"])
    let cors = web._get_config()["cors"]
    assert_eq(cors["origins"], ["http://localhost:3000"])
    assert_eq(cors["methods"], ["GET", "POST"])
    web.disable_cors()
    assert_nil(web._get_config()["cors"])
  end)
end)
