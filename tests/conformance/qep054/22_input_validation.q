# QEP-054 block 22, seed line 1685: input validation
fun handle_event(event, payload, socket)
    if event == "submit_form"
        # Always validate server-side
        let errors = validate_input(payload)

        if not errors.empty()
            socket.assign("errors", errors)
            return socket
        end

        # Safe to process
        process_form(payload)
    end

    return socket
end
