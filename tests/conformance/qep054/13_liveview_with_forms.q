# QEP-054 block 13, seed line 512: liveview with forms
use "std/web/liveview" as lv

let RegistrationView = lv.component(fun ()
    let state = {
        "username": "",
        "email": "",
        "password": "",
        "errors": {}
    }

    fun render(assigns)
        lv.template("""
            <form phx-submit="register" phx-change="validate">
                <h2>Register</h2>

                <input
                    type="text"
                    name="username"
                    value="<%= username %>"
                    phx-debounce="300" />
                <% if errors.username %>
                    <span class="error"><%= errors.username %></span>
                <% end %>

                <input
                    type="email"
                    name="email"
                    value="<%= email %>"
                    phx-debounce="300" />
                <% if errors.email %>
                    <span class="error"><%= errors.email %></span>
                <% end %>

                <input
                    type="password"
                    name="password"
                    value="<%= password %>" />
                <% if errors.password %>
                    <span class="error"><%= errors.password %></span>
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
            socket.assign("errors", errors)

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

fun validate_registration(data)
    let errors = {}

    if data["username"].len() < 3
        errors["username"] = "Must be at least 3 characters"
    end

    if not data["email"].contains("@")
        errors["email"] = "Invalid email"
    end

    if data["password"].len() < 8
        errors["password"] = "Must be at least 8 characters"
    end

    return errors
end
