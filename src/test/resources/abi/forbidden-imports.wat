;; Imports the sandbox must refuse, for SandboxImportsTest.
;; Regenerate with: wat2wasm forbidden-imports.wat -o forbidden-imports.wasm
(module
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32))))
