# The registration form without a browser: `quest test examples/registration`.
use "std/test" { module, describe, it, assert, assert_eq, assert_nil }
use "std/web/liveview" as lv
use "./app" as app

module("examples/registration")

# A phx-change as the official client sends it: the fields, the input that changed
# and the untouched fields' names.
fun typed(view, fields, target)
    let form = {"username": "", "email": "", "password": ""}
    let unused = []
    for name in ["username", "email", "password"]
        if fields[name] == nil
            unused.push(name)
        else
            form[name] = fields[name]
        end
    end
    if not unused.empty()
        form["_unused"] = unused
    end
    view.change("validate", form, target)
end

describe("validate_registration", fun ()
    it("accepts a good registration", fun ()
        let errors = app.validate_registration(
            {"username": "validator", "email": "v@example.com", "password": "long enough"})
        assert(errors.empty())
    end)

    it("names every field that is wrong", fun ()
        let errors = app.validate_registration({"username": "ab", "email": "ab", "password": "short"})
        assert_eq(errors, {
            "username": "Must be at least 3 characters",
            "email": "Invalid email",
            "password": "Must be at least 8 characters"
        })
    end)
end)

describe("RegistrationView", fun ()
    it("shows an empty form without errors", fun ()
        let html = lv.test_mount(app.RegistrationView).render()
        assert(html.contains("phx-submit=\"register\""))
        assert(not html.contains("class=\"error\""))
    end)

    it("shows the error of the field being typed in only", fun ()
        let view = lv.test_mount(app.RegistrationView)
        typed(view, {"username": "ab"}, "username")
        let html = view.render()
        assert(html.contains("Must be at least 3 characters"))
        assert(not html.contains("Invalid email"))
        assert(not html.contains("Must be at least 8 characters"))
        assert_eq(view.get("username"), "ab")
    end)

    it("takes an error away once the field is right", fun ()
        let view = lv.test_mount(app.RegistrationView)
        typed(view, {"username": "ab"}, "username")
        typed(view, {"username": "abc"}, "username")
        assert(not view.render().contains("Must be at least 3 characters"))
        typed(view, {"username": "abc", "email": "abc"}, "email")
        assert(view.render().contains("Invalid email"))
        typed(view, {"username": "abc", "email": "abc@example.com"}, "email")
        assert(not view.render().contains("class=\"error\""))
    end)

    it("refuses a submission with errors and shows them all", fun ()
        let view = lv.test_mount(app.RegistrationView)
        view.submit("register", {"username": "ab", "email": "", "password": ""})
        let html = view.render()
        assert(html.contains("Must be at least 3 characters"))
        assert(html.contains("Invalid email"))
        assert(html.contains("Must be at least 8 characters"))
        assert_nil(view.redirected_to())
    end)

    it("registers a good submission and redirects to /dashboard", fun ()
        let view = lv.test_mount(app.RegistrationView)
        view.submit("register", "username=quest_tester&email=qt%40example.com&password=12345678")
        assert_eq(view.redirected_to(), "/dashboard")
        let welcome = lv.test_mount(app.WelcomeView).render()
        assert(welcome.contains("<strong>quest_tester</strong> &lt;qt@example.com&gt;"))
    end)

    it("refuses a username already registered", fun ()
        let first = lv.test_mount(app.RegistrationView)
        first.submit("register", {"username": "twice", "email": "t@example.com", "password": "12345678"})
        let second = lv.test_mount(app.RegistrationView)
        second.submit("register", {"username": "twice", "email": "u@example.com", "password": "12345678"})
        assert(second.render().contains("Already taken"))
        assert_nil(second.redirected_to())
    end)
end)
