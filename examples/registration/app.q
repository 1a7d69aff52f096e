# The QEP-054 "LiveView with Forms" (block 13): a registration form validated live, as
# the person types, and on submit. Run it and open http://127.0.0.1:3000/register
# (or /, which redirects there):
#   quest serve examples/registration/app.q
#
# What differs from the QEP, and why:
# - There is no database module yet: create_user (which the QEP leaves undefined)
#   keeps the user in memory, in `users`, for as long as the server runs. The password
#   is not kept: nothing here checks it later.
# - The QEP redirects to /dashboard after a registration but has no such page: this
#   app mounts a small WelcomeView there that lists the registered users.
# - "validate" shows an error only for the fields the person has touched: the client
#   lists the untouched ones in payload["_unused"] (the QEP showed every field's error
#   from the first keystroke in the first field). validate_registration also refuses a
#   username already registered.
# - Labels, class names, the <style> given to lv.head and the page titles are added so
#   the page looks decent; the form, its inputs and the handlers are the QEP's.
# - `pub let` on the components so examples/registration/test_app.q can mount them.
use "std/web/liveview" as lv

lv.head("""<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; background: #f4f6fb; color: #1d2433;
         display: flex; justify-content: center; padding-top: 8vh; margin: 0; }
  form, .welcome { background: #fff; border-radius: 14px; padding: 1.6rem 2.2rem 2rem;
                   width: 22rem; box-shadow: 0 6px 24px rgba(30, 40, 80, .12); }
  h2 { margin: 0 0 1rem; }
  label { display: block; font-size: .85rem; color: #5c677d; margin: .9rem 0 .25rem; }
  input { box-sizing: border-box; width: 100%; padding: .55rem .7rem; font-size: 1rem;
          border: 1px solid #ced4da; border-radius: 7px; }
  input:focus { outline: 2px solid #748ffc; border-color: transparent; }
  .error { display: block; color: #c92a2a; font-size: .85rem; margin-top: .3rem; }
  button { margin-top: 1.4rem; width: 100%; padding: .65rem; font-size: 1rem; border: 0;
           border-radius: 8px; background: #3b5bdb; color: #fff; cursor: pointer; }
  .welcome li { margin: .3rem 0; }
</style>""")

# Registered users, in memory: [{"username": Str, "email": Str}, ...]
pub let users = []

pub let RegistrationView = lv.component(fun ()
    let state = {
        "username": "",
        "email": "",
        "password": "",
        "errors": {},
        "page_title": "Register"
    }

    fun render(assigns)
        lv.template("""
            <form phx-submit="register" phx-change="validate">
                <h2>Register</h2>

                <label for="username">Username</label>
                <input
                    id="username"
                    type="text"
                    name="username"
                    value="<%= username %>"
                    phx-debounce="300" />
                <% if errors.username %>
                    <span class="error" id="username-error"><%= errors.username %></span>
                <% end %>

                <label for="email">Email</label>
                <input
                    id="email"
                    type="email"
                    name="email"
                    value="<%= email %>"
                    phx-debounce="300" />
                <% if errors.email %>
                    <span class="error" id="email-error"><%= errors.email %></span>
                <% end %>

                <label for="password">Password</label>
                <input
                    id="password"
                    type="password"
                    name="password"
                    value="<%= password %>" />
                <% if errors.password %>
                    <span class="error" id="password-error"><%= errors.password %></span>
                <% end %>

                <button type="submit">Register</button>
            </form>
        """, assigns)
    end

    fun handle_event(event, payload, socket)
        if event == "validate"
            # Live validation as user types
            socket.assign("username", payload["username"])
            socket.assign("email", payload["email"])
            socket.assign("password", payload["password"])

            let errors = validate_registration(payload)
            socket.assign("errors", touched_only(errors, payload["_unused"]))

        elif event == "register"
            # Final submission
            let errors = validate_registration(payload)

            if errors.empty()
                # Create user
                create_user(payload)
                socket.redirect("/dashboard")
            else
                socket.assign("errors", errors)
            end
        end

        return socket
    end

    return {
        "state": state,
        "render": render,
        "handle_event": handle_event
    }
end)

pub fun validate_registration(data)
    let errors = {}

    if data["username"].len() < 3
        errors["username"] = "Must be at least 3 characters"
    elif find_user(data["username"]) != nil
        errors["username"] = "Already taken"
    end

    if not data["email"].contains("@")
        errors["email"] = "Invalid email"
    end

    if data["password"].len() < 8
        errors["password"] = "Must be at least 8 characters"
    end

    return errors
end

# The errors of the fields the person has used: `unused` lists the others (nil when
# every field has been touched).
fun touched_only(errors, unused)
    if unused == nil
        return errors
    end
    let shown = {}
    for field, message in errors
        if not unused.contains(field)
            shown[field] = message
        end
    end
    return shown
end

fun find_user(username)
    for user in users
        if user["username"] == username
            return user
        end
    end
    return nil
end

fun create_user(data)
    users.push({"username": data["username"], "email": data["email"]})
end

# Where a registration lands (the QEP's redirect target).
pub let WelcomeView = lv.component(fun ()
    fun render(assigns)
        lv.template("""
            <div class="welcome">
                <h2>Registered users</h2>
                <ul>
                <% for user in users %>
                    <li><strong><%= user.username %></strong> &lt;<%= user.email %>&gt;</li>
                <% end %>
                </ul>
                <a href="/register">Register another</a>
            </div>
        """, assigns)
    end

    return {"state": {"page_title": "Registered users"}, "render": render}
end)

lv.mount("/register", RegistrationView)
lv.mount("/dashboard", WelcomeView)

fun handle_request(request)
    if request["path"] == "/"
        return {"status": 302, "headers": {"Location": "/register"}, "body": ""}
    end
    {"status": 404, "body": "Not found"}
end
