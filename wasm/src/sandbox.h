/*
 * The C API that the Java host calls (exports) and the host functions it
 * provides (imports). One wasm instance holds at most one JS context.
 *
 * Strings crossing the boundary are UTF-8 byte ranges in linear memory
 * (pointer + length). Results are read through "slots": after an eval or a
 * call, each slot holds a JS string kept alive in the arena until the next
 * call, so reading it copies nothing inside the module.
 */
#ifndef SANDBOX_H
#define SANDBOX_H

#include <stdint.h>

/* ---- status codes of sbx_eval / sbx_call ---- */
enum {
    SBX_OK = 0,          /* slots VALUE_JSON (maybe absent) and DISPLAY are set */
    SBX_THROWN = 1,      /* a JS value was thrown: slots ERROR_* are set */
    SBX_UNCATCHABLE = 2, /* the engine stopped the script (interrupt, or an error that
                            escaped every handler); ERROR_MESSAGE holds the engine's text */
    SBX_NO_CONTEXT = 3,  /* sbx_create was not called or failed */
    SBX_SYNTAX = 4,      /* sbx_eval only: the source did not parse; slots ERROR_* are set */
};

/* ---- result slots ---- */
enum {
    SBX_SLOT_VALUE_JSON,    /* JSON.stringify(result); absent if undefined or not serialisable */
    SBX_SLOT_DISPLAY,       /* String(result) */
    SBX_SLOT_ERROR_NAME,    /* error.name, or absent when a non-Error value was thrown */
    SBX_SLOT_ERROR_MESSAGE, /* error.message, or String(thrown value) */
    SBX_SLOT_ERROR_STACK,   /* error.stack ("    at f (file:line:col)" lines), maybe absent */
    SBX_SLOT_COUNT,
};

/* ---- exports ---- */
int32_t sbx_create(uint32_t arena_bytes);
void sbx_destroy(void);
void sbx_set_random_seed(uint64_t seed);
void *sbx_alloc(uint32_t size);
void sbx_free(void *ptr);
/* src must be followed by a NUL byte (src[len] == 0); file_name is NUL-terminated. */
int32_t sbx_eval(const char *src, uint32_t len, const char *file_name);
/* Calls globalThis[name](...args), with globalThis as this, where args_json is a JSON array
   (NUL-terminated). Global code of sbx_eval also sees the global object as this. */
int32_t sbx_call(const char *name, const char *args_json, uint32_t args_len);
/* Defines globalThis[name] as a function forwarding to host function id. */
int32_t sbx_define_host_function(const char *name, int32_t id);
/* {pointer, length} words (32-bit in wasm) for each slot, pointer 0 when the slot is absent; valid until the next call. */
const uintptr_t *sbx_slot_table(void);
/* Bytes of the arena in use (heap plus JS stack) after a garbage collection. */
uint32_t sbx_memory_used(void);
/* Between calls, before the host copies linear memory into a snapshot: collects garbage,
   zeroes the arena's free gap between the heap and the JS stack (so that no dead bytes are
   copied) and returns {gap start, gap end} words that the host may skip. */
const uintptr_t *sbx_prepare_snapshot(void);

/* Build time: compiles a script to relocatable bytecode, {pointer, length} words of it, {0, 0}
   if it does not parse; the instance's context is gone afterwards. */
const uintptr_t *sbx_compile(const char *src, uint32_t len, const char *file_name, uint32_t arena_bytes);
/* Runs bytecode from sbx_compile, copied into buf (from sbx_alloc, kept for the context's life),
   as global code, before any other script; status as sbx_eval's. */
int32_t sbx_run_bytecode(uint8_t *buf, uint32_t len);

/* ---- imports, provided by the host (module "env") ---- */
#ifdef __wasm__
#define SBX_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))
#else
#define SBX_IMPORT(name)
#endif

/* print/console.log output; a non-zero return means "stop: output limit reached". */
SBX_IMPORT(host_write) int32_t host_write(const char *buf, uint32_t len);
/* polled by the engine's interrupt handler; non-zero stops the script. */
SBX_IMPORT(host_poll_interrupt) int32_t host_poll_interrupt(void);
/* Date.now(), in milliseconds since the epoch. */
SBX_IMPORT(host_now_ms) double host_now_ms(void);
/* Calls host function id with a JSON array of arguments. Returns the length of the
   JSON result (>= 0), or -(length + 1) of an error message (< 0). The bytes are then
   fetched with host_take_result into a buffer of that length. */
SBX_IMPORT(host_call) int32_t host_call(int32_t id, const char *args_json, uint32_t len);
SBX_IMPORT(host_take_result) void host_take_result(char *dest);

#endif /* SANDBOX_H */
