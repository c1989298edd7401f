;; A deliberate C-stack overflow, in the shape Emscripten compiles C to: a mutable i32 global is
;; the stack pointer, each call takes a 64-byte frame below it and stores into the frame.
;; The layout is a parameter: the stack pointer's start and the static data's address are set by
;; the test through the "init" export, so one module shows both layouts. $canary is 16 bytes of
;; static data the test checks afterwards.
(module
  (memory (export "memory") 1 1)
  (global $sp (export "stack_pointer") (mut i32) (i32.const 0))
  (func (export "init") (param $stack_top i32) (param $canary i32)
    (global.set $sp (local.get $stack_top))
    (i64.store (local.get $canary) (i64.const 0x0123456789abcdef))
    (i64.store offset=8 (local.get $canary) (i64.const 0x0fedcba987654321)))
  (func $recurse (export "recurse") (param $depth i32) (result i32)
    (local $frame i32)
    (local.set $frame (i32.sub (global.get $sp) (i32.const 64)))
    (global.set $sp (local.get $frame))
    ;; write the whole frame, as a C function with a 64-byte local array would
    (i64.store offset=0 (local.get $frame) (i64.extend_i32_u (local.get $depth)))
    (i64.store offset=8 (local.get $frame) (i64.const -1))
    (i64.store offset=16 (local.get $frame) (i64.const -1))
    (i64.store offset=24 (local.get $frame) (i64.const -1))
    (i64.store offset=32 (local.get $frame) (i64.const -1))
    (i64.store offset=40 (local.get $frame) (i64.const -1))
    (i64.store offset=48 (local.get $frame) (i64.const -1))
    (i64.store offset=56 (local.get $frame) (i64.const -1))
    (local.set $depth (call $recurse (i32.add (local.get $depth) (i32.const 1))))
    (global.set $sp (i32.add (local.get $frame) (i32.const 64)))
    (local.get $depth))
)
