// Drives the official phoenix client (npm phoenix@1.8.16, with the `ws` package as
// its WebSocket) against a running `quest serve tests/e2e/channels/app.q`.
//
//   node client.mjs <scenario> <ws://host:port/ws>
//
// Prints "PASS" and exits 0 when the scenario's checks hold; otherwise prints
// "FAIL <why>" and exits 1. Every wait is bounded. The restart scenario prints
// "RESTART" and expects the test to restart the server on the same port.
import { Socket, Presence } from "phoenix";
import WebSocket from "ws";

const [scenario, endpoint] = process.argv.slice(2);
const fast = { rejoinAfterMs: () => 50, reconnectAfterMs: () => 50, timeout: 3000 };

function fail(why) {
  console.log(`FAIL ${why}`);
  process.exit(1);
}
setTimeout(() => fail(`scenario ${scenario} did not finish within 20 s`), 20000).unref();

function connect(user, opts = {}) {
  const socket = new Socket(endpoint, { transport: WebSocket, params: { user }, ...fast, ...opts });
  socket.connect();
  return socket;
}

function waitFor(check, label, ms = 5000) {
  return new Promise((resolve) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const value = check();
      if (value) {
        clearInterval(timer);
        resolve(value);
      } else if (Date.now() - started > ms) {
        clearInterval(timer);
        fail(`timed out waiting for ${label}`);
      }
    }, 5);
  });
}

function reply(push, label) {
  return new Promise((resolve) => {
    push
      .receive("ok", (r) => resolve({ status: "ok", response: r }))
      .receive("error", (r) => resolve({ status: "error", response: r }))
      .receive("timeout", () => fail(`${label}: no reply`));
  });
}

function eq(actual, expected, label) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${label}: expected ${e}, got ${a}`);
}

function names(presence) {
  return presence.list((key) => key).sort();
}

const scenarios = {
  async joins() {
    const socket = connect("ann");
    const ok = await reply(socket.channel("room:1", { user: "ann" }).join(), "join ok");
    eq(ok, { status: "ok", response: { joined: "room:1" } }, "join ok");
    const denied = socket.channel("room:2", { deny: true });
    eq(await reply(denied.join(), "join error"), { status: "error", response: { error: "unauthorized" } }, "join error");
    denied.leave();
    const nowhere = socket.channel("lobby", {});
    eq(await reply(nowhere.join(), "unmatched"), { status: "error", response: { reason: "unmatched topic" } }, "unmatched");
    nowhere.leave();
  },

  async events() {
    const socket = connect("ann");
    const channel = socket.channel("room:1", { user: "ann" });
    await reply(channel.join(), "join");
    eq(await reply(channel.push("ping", { n: 1 }), "ping"), { status: "ok", response: { pong: { n: 1 } } }, "ping");
  },

  async broadcasts() {
    const ann = connect("ann").channel("room:b", { user: "ann" });
    const bob = connect("bob").channel("room:b", { user: "bob" });
    const seen = { ann: [], bob: [] };
    for (const [name, ch] of [["ann", ann], ["bob", bob]]) {
      ch.on("shout", (p) => seen[name].push(["shout", p]));
      ch.on("typing", (p) => seen[name].push(["typing", p]));
    }
    await reply(ann.join(), "ann join");
    await reply(bob.join(), "bob join");
    await reply(ann.push("typing", {}), "typing");
    await reply(ann.push("shout", { text: "hi" }), "shout");
    await waitFor(() => seen.bob.length === 2 && seen.ann.length === 1, "both broadcasts");
    eq(seen.bob, [["typing", { from: "ann" }], ["shout", { from: "ann", text: "hi" }]], "bob saw");
    eq(seen.ann, [["shout", { from: "ann", text: "hi" }]], "ann saw (not her own typing)");
  },

  async presence() {
    const ann = connect("ann").channel("room:p", { user: "ann" });
    const bob = connect("bob").channel("room:p", { user: "bob" });
    const annP = new Presence(ann);
    const bobP = new Presence(bob);
    await reply(ann.join(), "ann join");
    await reply(bob.join(), "bob join");
    await waitFor(() => names(annP).length === 2 && names(bobP).length === 2, "both see two");
    eq(names(annP), ["ann", "bob"], "ann's presence");
    eq(names(bobP), ["ann", "bob"], "bob's presence");
    await reply(bob.leave(), "bob leave");
    await waitFor(() => names(annP).length === 1, "bob gone from ann's presence");
    eq(names(annP), ["ann"], "after leave");
  },

  async crash() {
    const ann = connect("ann").channel("room:c", { user: "ann" });
    const bob = connect("bob").channel("room:c", { user: "bob" });
    const bobP = new Presence(bob);
    let joins = 0;
    let errors = 0;
    ann.onError(() => errors++);
    ann.join().receive("ok", () => joins++);
    await waitFor(() => joins === 1, "ann joined");
    await reply(bob.join(), "bob join");
    await waitFor(() => names(bobP).length === 2, "bob sees two");
    ann.push("crash", {});
    await waitFor(() => errors === 1, "phx_error on ann's channel");
    await waitFor(() => joins === 2, "ann's automatic rejoin");
    await waitFor(() => names(bobP).length === 2, "presence restored");
    eq(await reply(ann.push("ping", { again: true }), "ping after rejoin"), { status: "ok", response: { pong: { again: true } } }, "ping after rejoin");
  },

  async leave() {
    const socket = connect("ann");
    const channel = socket.channel("room:l", { user: "ann" });
    await reply(channel.join(), "join");
    let closed = false;
    channel.onClose(() => (closed = true));
    eq(await reply(channel.leave(), "leave"), { status: "ok", response: {} }, "leave reply");
    await waitFor(() => closed, "channel closed");
  },

  async heartbeat() {
    const socket = connect("ann", { heartbeatIntervalMs: 50 });
    const refs = [];
    socket.onMessage((m) => {
      if (m.topic === "phoenix" && m.event === "phx_reply" && m.payload.status === "ok") refs.push(m.ref);
    });
    await waitFor(() => refs.length >= 3, "three heartbeat replies");
    if (!socket.isConnected()) fail("socket dropped");
  },

  async binary() {
    const socket = connect("ann");
    const channel = socket.channel("room:bin", { user: "ann" });
    await reply(channel.join(), "join");
    let pushed = null;
    channel.on("bytes", (p) => (pushed = p));
    const data = new Uint8Array([0, 1, 2, 255]).buffer;
    const r = await reply(channel.push("bytes", data), "bytes");
    eq(r.status, "ok", "binary reply status");
    eq([...new Uint8Array(r.response)], [0, 1, 2, 255], "binary reply");
    await waitFor(() => pushed, "binary push");
    eq([...new Uint8Array(pushed)], [0, 1, 2, 255], "binary push");
  },

  async restart() {
    const socket = connect("ann");
    const channel = socket.channel("room:r", { user: "ann" });
    const presence = new Presence(channel);
    let joins = 0;
    channel.join().receive("ok", () => joins++);
    await waitFor(() => joins === 1 && names(presence).length === 1, "first join");
    console.log("RESTART");
    await waitFor(() => joins === 2, "rejoin after the server restarted", 15000);
    await waitFor(() => names(presence).length === 1, "presence after restart");
    eq(names(presence), ["ann"], "presence after restart");
  },
};

if (!scenarios[scenario]) fail(`unknown scenario ${scenario}`);
await scenarios[scenario]();
console.log("PASS");
process.exit(0);
