// quest-rt's LiveView bootstrap (written for quest-rt; not a vendored file).
// Loaded after the vendored Phoenix and LiveView bundles (global Phoenix, LiveView);
// connects the official LiveSocket to the framework's /live endpoint. Hooks: define
// window.QuestLiveHooks = {Name: {mounted() {...}}} in a script that runs before this
// one (lv.head adds one to the default page).
(function () {
  "use strict";
  var meta = document.querySelector("meta[name='csrf-token']");
  var csrfToken = meta ? meta.getAttribute("content") : "";
  var liveSocket = new LiveView.LiveSocket("/live", Phoenix.Socket, {
    hooks: window.QuestLiveHooks || {},
    params: { _csrf_token: csrfToken },
  });
  liveSocket.connect();
  window.liveSocket = liveSocket;
})();
