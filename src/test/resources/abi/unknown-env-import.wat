;; An env import the sandbox does not know, for SandboxImportsTest.
;; Regenerate with: wat2wasm unknown-env-import.wat -o unknown-env-import.wasm
(module
  (import "env" "system" (func (param i32) (result i32))))
