// Loaded by node-exec before the Go program: an in-memory IndexedDB for Node, which has none.
// It resolves from wasm/node_modules wherever the test runs.
"use strict";
require("../node_modules/fake-indexeddb/auto");
