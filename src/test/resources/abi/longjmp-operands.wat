;; A minimal module in the shape of Emscripten's setjmp/longjmp code, for InterpreterGuardTest.
;; "run" holds an operand (100) across an invoke_ii call whose target leaves operands on
;; the value stack and then longjmps out of a nested call. The trampoline must return 0
;; with the value stack as it was, so run(x) == 100 and setThrew recorded the jump.
;; Regenerate with: wat2wasm longjmp-operands.wat -o longjmp-operands.wasm
(module
  (import "env" "invoke_ii" (func $invoke_ii (param i32 i32) (result i32)))
  (import "env" "_emscripten_throw_longjmp" (func $throw_longjmp))
  (table (export "__indirect_function_table") 1 funcref)
  (elem (i32.const 0) $jumper)
  (memory (export "memory") 1)
  (global $sp (mut i32) (i32.const 1024))
  (global $threw (mut i32) (i32.const 0))
  (func $jumper (param $x i32) (result i32)
    (i32.const 7)
    (i32.const 8)
    (call $deeper (local.get $x))
    unreachable)
  (func $deeper (param i32)
    (call $throw_longjmp))
  (func (export "run") (param $x i32) (result i32)
    (i32.add (i32.const 100) (call $invoke_ii (i32.const 0) (local.get $x))))
  (func (export "stackSave") (result i32) (global.get $sp))
  (func (export "stackRestore") (param i32) (global.set $sp (local.get 0)))
  (func (export "setThrew") (param i32 i32) (global.set $threw (local.get 0)))
  (func (export "threw") (result i32) (global.get $threw)))
