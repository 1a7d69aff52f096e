# QEP-054 block 31, seed line 1997: file uploads in liveview
# Chunked file upload with progress
socket.allow_upload("photo",
    accept: [".jpg", ".png"],
    max_size: 10 * 1024 * 1024,
    auto_upload: true
)

fun handle_event(event, payload, socket)
    if event == "upload"
        let uploaded_files = socket.consume_upload("photo", fun (meta, entry)
            let path = "/uploads/" .. uuid.v4().str()
            io.write(path, entry["data"])
            path
        end)

        socket.assign("photos", socket.get("photos") .. uploaded_files)
    end
end
