// The official phoenix client (npm phoenix@1.8.16 with `ws`) against two `quest serve`
// nodes of tests/e2e/channels/app.q sharing one Redis:
//
//   node cluster.mjs <ws://nodeA/ws> <ws://nodeB/ws>
//
// Ann is connected to node A, bob to node B. Prints "PASS" when Presence on each
// converges as the other joins and leaves, and broadcasts cross; else "FAIL <why>".
// Every wait is bounded.
import { Socket, Presence } from "phoenix";
import WebSocket from "ws";

const [endpointA, endpointB] = process.argv.slice(2);

function fail(why) {
  console.log(`FAIL ${why}`);
  process.exit(1);
}
setTimeout(() => fail("did not finish within 20 s"), 20000).unref();

function channel(endpoint, user, topic) {
  const socket = new Socket(endpoint, { transport: WebSocket, params: { user }, timeout: 3000 });
  socket.connect();
  return socket.channel(topic, { user });
}

function waitFor(check, label, ms = 10000) {
  return new Promise((resolve) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > ms) {
        clearInterval(timer);
        fail(`timed out waiting for ${label}`);
      }
    }, 5);
  });
}

function joined(push, label) {
  return new Promise((resolve) => {
    push
      .receive("ok", resolve)
      .receive("error", (r) => fail(`${label}: ${JSON.stringify(r)}`))
      .receive("timeout", () => fail(`${label}: no reply`));
  });
}

function eq(actual, expected, label) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${label}: expected ${e}, got ${a}`);
}

const names = (presence) => presence.list((key) => key).sort();

const ann = channel(endpointA, "ann", "room:cluster");
const bob = channel(endpointB, "bob", "room:cluster");
const annP = new Presence(ann);
const bobP = new Presence(bob);
const seen = { ann: [], bob: [] };
for (const [name, ch] of [["ann", ann], ["bob", bob]]) {
  ch.on("shout", (p) => seen[name].push(["shout", p]));
  ch.on("typing", (p) => seen[name].push(["typing", p]));
}

await joined(ann.join(), "ann join (node A)");
await waitFor(() => names(annP).length === 1, "ann sees herself");
await joined(bob.join(), "bob join (node B)");
await waitFor(() => names(annP).length === 2, "ann (node A) sees bob join on node B");
await waitFor(() => names(bobP).length === 2, "bob (node B) sees ann, on node A");
eq(names(annP), ["ann", "bob"], "ann's presence");
eq(names(bobP), ["ann", "bob"], "bob's presence");

ann.push("typing", {});
ann.push("shout", { text: "from A" });
await waitFor(() => seen.bob.length === 2 && seen.ann.length === 1, "broadcasts across nodes");
eq(seen.bob, [["typing", { from: "ann" }], ["shout", { from: "ann", text: "from A" }]], "bob saw");
eq(seen.ann, [["shout", { from: "ann", text: "from A" }]], "ann saw (not her own typing)");

await new Promise((resolve) => bob.leave().receive("ok", resolve));
await waitFor(() => names(annP).length === 1, "ann (node A) sees bob leave node B");
eq(names(annP), ["ann"], "after bob left");
console.log("PASS");
process.exit(0);
