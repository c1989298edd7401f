;; A known import name with the wrong signature, for SandboxImportsTest.
;; Regenerate with: wat2wasm wrong-signature.wat -o wrong-signature.wasm
(module
  (import "env" "host_write" (func (param i32) (result i32))))
