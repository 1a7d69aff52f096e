// Feeds rendered/diff messages to the official phoenix_live_view client's own merge code.
//
//   node official_rendered.js <phoenix_live_view.js> <messages.json>
//
// messages.json: a list of sequences, each a list of messages (the join's rendered first,
// then diffs). Prints, as JSON, the HTML the client's Rendered tree gives after each
// message. The vendored readable bundle is run unmodified except for one line: its
// internal Rendered class is also published on globalThis, since the bundle exports
// only LiveSocket & co. No DOM is needed: Rendered merges and renders to a string.
"use strict";
const fs = require("fs");
const vm = require("vm");

const [bundlePath, messagesPath] = process.argv.slice(2);
const marker = "  var Rendered = class {";
const source = fs.readFileSync(bundlePath, "utf8");
if (!source.includes(marker)) {
  throw new Error("the bundle no longer defines Rendered as expected");
}
const context = { console, window: {}, navigator: {}, setTimeout, clearTimeout };
context.globalThis = context;
vm.createContext(context);
vm.runInContext(source.replace(marker, "  var Rendered = globalThis.__Rendered = class {"), context);
const Rendered = context.__Rendered;

const sequences = JSON.parse(fs.readFileSync(messagesPath, "utf8"));
const out = sequences.map((messages) => {
  const rendered = new Rendered("phx-test", messages[0]);
  const html = [rendered.toString().buffer];
  for (const diff of messages.slice(1)) {
    rendered.mergeDiff(diff);
    html.push(rendered.toString().buffer);
  }
  return html;
});
process.stdout.write(JSON.stringify(out));
