// Declares the sandbox's host imports to Emscripten's linker. In a STANDALONE_WASM
// build these bodies are never used: each name becomes an "env" import of the module,
// implemented by the Java host (see sandbox.h for their contracts).
mergeInto(LibraryManager.library, {
  host_write: function (buf, len) { return 0; },
  host_poll_interrupt: function () { return 0; },
  host_now_ms: function () { return 0; },
  host_call: function (id, args, len) { return -1; },
  host_take_result: function (dest) {},
});
