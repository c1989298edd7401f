/*
 * The sandbox's C side: one JS context per wasm instance, driven by the Java host
 * through the API in sandbox.h.
 *
 * The engine is compiled in this translation unit (a unity build of the pinned,
 * verified mquickjs.c) so that we can read the pending exception object, whether it
 * is catchable, and the heap usage without patching the engine.
 */
#include "mquickjs.c"

#include "sandbox.h"

#define SBX_HOST_FUNCTION_INDEX (JS_CFUNCTION_USER + 0)

/* ---- state of the single context ---- */

typedef struct {
    JSGCRef value;           /* a JS string, or undefined when absent */
    JSCStringBuf short_buf;  /* backing store for strings too short to live in the heap */
    const char *ptr;
    uint32_t len;
    int present;
} Slot;

static JSContext *ctx;
static uint8_t *arena;
static Slot slots[SBX_SLOT_COUNT];
/* What the host reads after each call: {pointer, length} per slot, pointer 0 when absent. */
static uintptr_t slot_table[SBX_SLOT_COUNT][2];
static JSGCRef json_stringify_ref;
static int output_stopped;

static JSValue *gc_root(JSGCRef *ref)
{
    JSValue *p = JS_AddGCRef(ctx, ref);
    *p = JS_UNDEFINED;
    return p;
}

static void clear_slots(void)
{
    for (int i = 0; i < SBX_SLOT_COUNT; i++) {
        slots[i].value.val = JS_UNDEFINED;
        slots[i].present = 0;
        slots[i].ptr = "";
        slots[i].len = 0;
    }
}

/* Stores String(v) in a slot. Runs JS (toString), so it may fail: the slot stays absent. */
static void set_slot_string(int slot, JSValue v)
{
    JSGCRef v_ref;
    JS_PUSH_VALUE(ctx, v);
    JSValue s = JS_ToString(ctx, v);
    JS_POP_VALUE(ctx, v);
    if (JS_IsException(s)) {
        ctx->current_exception = JS_NULL;
        ctx->current_exception_is_uncatchable = FALSE;
        return;
    }
    slots[slot].value.val = s;
    slots[slot].present = 1;
}

static void set_slot_c_string(int slot, const char *s)
{
    slots[slot].ptr = s;
    slots[slot].len = strlen(s);
    slots[slot].present = 2; /* static C memory, not a JS value */
}

/* Resolves every JS string slot to a pointer. No allocation happens here, so the
   pointers stay valid until the next call into the engine. */
static void pin_slots(void)
{
    for (int i = 0; i < SBX_SLOT_COUNT; i++) {
        if (slots[i].present == 1) {
            size_t len;
            slots[i].ptr = JS_ToCStringLen(ctx, &len, slots[i].value.val, &slots[i].short_buf);
            slots[i].len = (uint32_t)len;
        }
        slot_table[i][0] = slots[i].present ? (uintptr_t)slots[i].ptr : 0;
        slot_table[i][1] = slots[i].len;
    }
}

/* ---- output: print and console.log ---- */

static void write_output(const void *buf, size_t len)
{
    if (!output_stopped && len > 0 && host_write(buf, (uint32_t)len) != 0)
        output_stopped = 1;
}

/* While set, engine log output (JS_PrintValueF) goes here instead of to the host. */
static struct {
    char text[256];
    size_t len;
    int active;
} capture;

static void log_to_output(void *opaque, const void *buf, size_t len)
{
    (void)opaque;
    if (capture.active) {
        size_t room = sizeof(capture.text) - 1 - capture.len;
        size_t n = len < room ? len : room;
        memcpy(capture.text + capture.len, buf, n);
        capture.len += n;
        capture.text[capture.len] = '\0';
        return;
    }
    write_output(buf, len);
}

/* The engine's own rendering of a value, for values whose toString throws
   (Object.create(null), for example). */
static void set_slot_printed(int slot, JSValue v)
{
    capture.len = 0;
    capture.text[0] = '\0';
    capture.active = 1;
    JS_PrintValueF(ctx, v, 0);
    capture.active = 0;
    set_slot_c_string(slot, capture.text);
}

JSValue sbx_print(JSContext *ctx, JSValue *this_val, int argc, JSValue *argv)
{
    (void)this_val;
    for (int i = 0; i < argc; i++) {
        if (i > 0)
            write_output(" ", 1);
        if (JS_IsString(ctx, argv[i])) {
            JSCStringBuf buf;
            size_t len;
            const char *s = JS_ToCStringLen(ctx, &len, argv[i], &buf);
            write_output(s, len);
        } else {
            JS_PrintValueF(ctx, argv[i], JS_DUMP_LONG);
        }
    }
    write_output("\n", 1);
    if (output_stopped) {
        /* The host also raises its interrupt flag, so a script that catches this still stops. */
        return JS_ThrowInternalError(ctx, "output limit exceeded");
    }
    return JS_UNDEFINED;
}

JSValue sbx_date_now(JSContext *ctx, JSValue *this_val, int argc, JSValue *argv)
{
    (void)this_val; (void)argc; (void)argv;
    return JS_NewFloat64(ctx, host_now_ms());
}

static int poll_host_interrupt(JSContext *ctx, void *opaque)
{
    (void)ctx; (void)opaque;
    return host_poll_interrupt();
}

/* ---- host functions ---- */

/* JSON.stringify as captured at creation time, so scripts cannot replace it.

   GC safety, here and below: the engine's GC compacts the heap, so any allocation may move
   objects. A local JSValue pushed with JS_PUSH_VALUE is not updated by the GC, only its
   ref is: after anything that may allocate (JS_StackCheck, parsing, calls), read the value
   again from its ref (or with JS_POP_VALUE) before using it. */
static JSValue json_stringify(JSValue v)
{
    JSGCRef v_ref;
    JS_PUSH_VALUE(ctx, v);
    int err = JS_StackCheck(ctx, 3);
    JS_POP_VALUE(ctx, v);
    if (err)
        return JS_EXCEPTION;
    JS_PushArg(ctx, v);
    JS_PushArg(ctx, json_stringify_ref.val);
    JS_PushArg(ctx, JS_UNDEFINED);
    return JS_Call(ctx, 1);
}

static JSValue parse_json(const char *text, uint32_t len)
{
    return JS_Parse(ctx, text, len, "<json>", JS_EVAL_JSON);
}

/* Throws an Error whose message is the full host-supplied text (JS_ThrowError truncates). */
static JSValue throw_host_error(JSContext *ctx, const char *text, uint32_t len)
{
    JSGCRef msg_ref;
    JSValue msg = JS_NewStringLen(ctx, text, len);
    if (JS_IsException(msg))
        return msg;
    JS_PUSH_VALUE(ctx, msg);
    JSValue r = JS_ThrowError(ctx, JS_CLASS_ERROR, "%s", "");
    JS_POP_VALUE(ctx, msg);
    if (JS_IsError(ctx, ctx->current_exception)) {
        JSObject *p = JS_VALUE_TO_PTR(ctx->current_exception);
        p->u.error.message = msg;
    }
    return r;
}

JSValue sbx_host_function(JSContext *ctx, JSValue *this_val, int argc, JSValue *argv, JSValue params)
{
    (void)this_val;
    int id = JS_VALUE_GET_INT(params);
    JSValue args = JS_NewArray(ctx, argc);
    if (JS_IsException(args))
        return args;
    JSGCRef args_ref;
    JS_PUSH_VALUE(ctx, args);
    for (int i = 0; i < argc; i++) {
        JSValue r = JS_SetPropertyUint32(ctx, args, i, argv[i]);
        if (JS_IsException(r)) {
            JS_POP_VALUE(ctx, args);
            return r;
        }
    }
    JSValue json = json_stringify(args_ref.val);
    JS_POP_VALUE(ctx, args);
    if (JS_IsException(json))
        return json;
    JSCStringBuf buf;
    size_t len;
    const char *text = JS_ToCStringLen(ctx, &len, json, &buf);
    int32_t n = host_call(id, text, (uint32_t)len);
    uint32_t result_len = n >= 0 ? (uint32_t)n : (uint32_t)(-(n + 1));
    char *result = malloc(result_len + 1);
    if (!result)
        return JS_ThrowOutOfMemory(ctx);
    host_take_result(result);
    result[result_len] = '\0';
    JSValue ret;
    if (n < 0)
        ret = throw_host_error(ctx, result, result_len);
    else if (result_len == 0)
        ret = JS_UNDEFINED;
    else
        ret = parse_json(result, result_len);
    free(result);
    return ret;
}

int32_t sbx_define_host_function(const char *name, int32_t id)
{
    if (!ctx)
        return SBX_NO_CONTEXT;
    JSValue f = JS_NewCFunctionParams(ctx, SBX_HOST_FUNCTION_INDEX, JS_NewInt32(ctx, id));
    if (JS_IsException(f))
        return SBX_THROWN;
    JSGCRef f_ref;
    JS_PUSH_VALUE(ctx, f);
    JSValue global = JS_GetGlobalObject(ctx);
    JSValue r = JS_SetPropertyStr(ctx, global, name, f);
    JS_POP_VALUE(ctx, f);
    return JS_IsException(r) ? SBX_THROWN : SBX_OK;
}

/* ---- lifecycle ---- */

JSValue sbx_global_eval(JSContext *ctx, JSValue *this_val, int argc, JSValue *argv);

#include "sandbox_stdlib.h"

int32_t sbx_create(uint32_t arena_bytes)
{
    if (ctx)
        sbx_destroy();
    arena = malloc(arena_bytes);
    if (!arena)
        return -1;
    ctx = JS_NewContext(arena, arena_bytes, &sbx_stdlib);
    if (!ctx) {
        free(arena);
        arena = NULL;
        return -1;
    }
    JS_SetLogFunc(ctx, log_to_output);
    JS_SetInterruptHandler(ctx, poll_host_interrupt);
    for (int i = 0; i < SBX_SLOT_COUNT; i++)
        gc_root(&slots[i].value);
    clear_slots();
    JSValue *stringify = gc_root(&json_stringify_ref);
    JSValue json = JS_GetPropertyStr(ctx, JS_GetGlobalObject(ctx), "JSON");
    *stringify = JS_GetPropertyStr(ctx, json, "stringify");
    return 0;
}

void sbx_destroy(void)
{
    if (ctx)
        JS_FreeContext(ctx);
    ctx = NULL;
    free(arena);
    arena = NULL;
}

void sbx_set_random_seed(uint64_t seed)
{
    if (ctx)
        JS_SetRandomSeed(ctx, seed);
}

void *sbx_alloc(uint32_t size) { return malloc(size); }
void sbx_free(void *ptr) { free(ptr); }

/* ---- evaluation ---- */

/* Takes the pending exception out of the context and describes it in the error slots. */
static int32_t report_exception(void)
{
    JSValue e = ctx->current_exception;
    int uncatchable = ctx->current_exception_is_uncatchable;
    ctx->current_exception = JS_NULL;
    ctx->current_exception_is_uncatchable = FALSE;
    output_stopped = 0;

    JSGCRef e_ref;
    JS_PUSH_VALUE(ctx, e);
    if (JS_IsError(ctx, e)) {
        JSValue stack = ((JSObject *)JS_VALUE_TO_PTR(e))->u.error.stack;
        if (stack != JS_NULL)
            set_slot_string(SBX_SLOT_ERROR_STACK, stack);
        e = e_ref.val; /* set_slot_string may have moved it */
        set_slot_string(SBX_SLOT_ERROR_MESSAGE, ((JSObject *)JS_VALUE_TO_PTR(e))->u.error.message);
        e = e_ref.val;
        JSValue name = JS_GetPropertyStr(ctx, e, "name");
        if (JS_IsException(name)) {
            ctx->current_exception = JS_NULL;
            ctx->current_exception_is_uncatchable = FALSE;
        } else {
            set_slot_string(SBX_SLOT_ERROR_NAME, name);
        }
    } else if (e == JS_NULL && uncatchable) {
        set_slot_c_string(SBX_SLOT_ERROR_MESSAGE, "uncatchable error");
    } else {
        set_slot_string(SBX_SLOT_ERROR_MESSAGE, e);
    }
    JS_POP_VALUE(ctx, e);
    pin_slots();
    return uncatchable ? SBX_UNCATCHABLE : SBX_THROWN;
}

static int32_t report_value(JSValue v)
{
    JSGCRef v_ref;
    JS_PUSH_VALUE(ctx, v);
    /* Like JSON.stringify in ES5, these have no JSON text (the engine would say "null"). */
    int has_json = !JS_IsUndefined(v) && !JS_IsFunction(ctx, v);
    JSValue json = has_json ? json_stringify(v) : JS_UNDEFINED;
    v = v_ref.val; /* JSON.stringify allocates: v may have moved */
    if (JS_IsException(json)) {
        if (ctx->current_exception_is_uncatchable) {
            JS_POP_VALUE(ctx, v);
            return report_exception();
        }
        ctx->current_exception = JS_NULL;
    } else if (JS_IsString(ctx, json)) {
        slots[SBX_SLOT_VALUE_JSON].value.val = json;
        slots[SBX_SLOT_VALUE_JSON].present = 1;
    }
    set_slot_string(SBX_SLOT_DISPLAY, v);
    if (!slots[SBX_SLOT_DISPLAY].present)
        set_slot_printed(SBX_SLOT_DISPLAY, v_ref.val); /* toString ran JS: v may have moved */
    JS_POP_VALUE(ctx, v);
    pin_slots();
    return SBX_OK;
}

/* The engine lowers its stack reservation as the JS stack grows and never raises it again,
   so after deep recursion the heap would stay starved. Between top-level calls nothing is
   on the JS stack, so the reservation can start over from the stack pointer. */
static void release_stack_reservation(void)
{
    ctx->stack_bottom = ctx->sp;
}

/* Runs compiled global code. Upstream's JS_Run calls it with null as this; ES5 (10.4.1.1) gives
   global code the global object, whatever the strictness, and libraries rely on it (a UMD
   wrapper's `this`). Same steps as JS_Run, with the global object as this. */
static JSValue run_global_code(JSValue program)
{
    JSGCRef closure_ref;
    if (!JS_IsPtr(program) || ((JSFunctionBytecode *)JS_VALUE_TO_PTR(program))->mtag != JS_MTAG_FUNCTION_BYTECODE)
        return JS_ThrowTypeError(ctx, "bytecode function expected");
    JSValue closure = js_closure(ctx, program, NULL);
    if (JS_IsException(closure))
        return closure;
    JS_PUSH_VALUE(ctx, closure);
    int err = JS_StackCheck(ctx, 2);
    JS_POP_VALUE(ctx, closure);
    if (err)
        return JS_EXCEPTION;
    JS_PushArg(ctx, closure);
    JS_PushArg(ctx, JS_GetGlobalObject(ctx));
    return JS_Call(ctx, 0);
}

/* Indirect eval, (1, eval)(code): upstream's js_global_eval, but its code too sees the global
   object as this. */
JSValue sbx_global_eval(JSContext *ctx, JSValue *this_val, int argc, JSValue *argv)
{
    (void)this_val; (void)argc;
    if (!JS_IsString(ctx, argv[0]))
        return argv[0];
    JSValue program = JS_Parse2(ctx, argv[0], NULL, 0, "<input>", JS_EVAL_RETVAL);
    if (JS_IsException(program))
        return program;
    return run_global_code(program);
}

static int32_t finish(JSValue result)
{
    if (JS_IsException(result))
        return report_exception();
    output_stopped = 0;
    return report_value(result);
}

int32_t sbx_eval(const char *src, uint32_t len, const char *file_name)
{
    if (!ctx)
        return SBX_NO_CONTEXT;
    clear_slots();
    release_stack_reservation();
    JSValue program = JS_Parse(ctx, src, len, file_name, JS_EVAL_RETVAL);
    if (JS_IsException(program)) {
        int32_t status = report_exception();
        return status == SBX_THROWN ? SBX_SYNTAX : status;
    }
    return finish(run_global_code(program));
}

/* ---- precompiled global code ---- */

static int has_mtag(JSValue v, int mtag)
{
    return JS_IsPtr(v) && ((JSMemBlockHeader *)JS_VALUE_TO_PTR(v))->mtag == mtag;
}

/* Makes every string constant of a compiled function and of the functions it nests unique (an
   atom). Loaded bytecode lives outside the JS heap, and the engine's collector drops such a
   string from its table of unique strings when it made it unique at run time (a literal used as
   a property key: define(o, 'toGMTString', f)); later lookups of that name then missed the
   property. As atoms of the bytecode's own table they stay found. */
static int make_constants_unique(JSValue func)
{
    JSGCRef func_ref;
    int status = 0;
    JS_PUSH_VALUE(ctx, func);
    JSValue cpool = ((JSFunctionBytecode *)JS_VALUE_TO_PTR(func))->cpool;
    int count = JS_IsNull(cpool) ? 0 : ((JSValueArray *)JS_VALUE_TO_PTR(cpool))->size;
    for (int i = 0; i < count && status == 0; i++) {
        /* read through the ref each time: making a string unique allocates, which may move things */
        JSValueArray *constants = JS_VALUE_TO_PTR(((JSFunctionBytecode *)JS_VALUE_TO_PTR(func_ref.val))->cpool);
        JSValue constant = constants->arr[i];
        if (has_mtag(constant, JS_MTAG_STRING)) {
            JSValue unique = JS_MakeUniqueString(ctx, constant);
            if (JS_IsException(unique)) {
                status = -1;
            } else {
                constants = JS_VALUE_TO_PTR(((JSFunctionBytecode *)JS_VALUE_TO_PTR(func_ref.val))->cpool);
                constants->arr[i] = unique;
            }
        } else if (has_mtag(constant, JS_MTAG_FUNCTION_BYTECODE)) {
            status = make_constants_unique(constant);
        }
    }
    JS_POP_VALUE(ctx, func);
    return status;
}

/* Build time only (wasm/node/compile-bytecode.mjs): compiles a script, in a context made for
   compilation, to relocatable bytecode (header then data, based at address 0) in a new
   buffer, and returns {pointer, length} words of it, {0, 0} when it does not parse (the error
   goes to host_write). The context is gone afterwards: the instance is good for nothing else. */
const uintptr_t *sbx_compile(const char *src, uint32_t len, const char *file_name, uint32_t arena_bytes)
{
    static uintptr_t out[2];
    JSBytecodeHeader hdr;
    const uint8_t *data;
    uint32_t data_len;
    out[0] = out[1] = 0;
    sbx_destroy();
    arena = malloc(arena_bytes);
    if (!arena)
        return out;
    ctx = JS_NewContext2(arena, arena_bytes, &sbx_stdlib, TRUE);
    JS_SetLogFunc(ctx, log_to_output);
    JSValue program = JS_Parse(ctx, src, len, file_name, JS_EVAL_RETVAL);
    if (JS_IsException(program)) {
        JS_PrintValue(ctx, JS_GetException(ctx));
        return out;
    }
    JSGCRef program_ref;
    JS_PUSH_VALUE(ctx, program);
    int unique = make_constants_unique(program);
    JS_POP_VALUE(ctx, program);
    if (unique != 0)
        return out;
    JS_PrepareBytecode(ctx, &hdr, &data, &data_len, program);
    uint8_t *buf = malloc(sizeof(hdr) + data_len);
    if (!buf)
        return out;
    memcpy(buf + sizeof(hdr), data, data_len);
    JS_RelocateBytecode2(ctx, &hdr, buf + sizeof(hdr), data_len, 0, FALSE);
    memcpy(buf, &hdr, sizeof(hdr));
    out[0] = (uintptr_t)buf;
    out[1] = sizeof(hdr) + data_len;
    return out;
}

/* Runs bytecode from sbx_compile as global code. buf comes from sbx_alloc and is never freed:
   the context runs its functions in place, outside the JS heap. Only before any other script:
   the engine refuses it once a script defined atoms. Status as sbx_eval's. */
int32_t sbx_run_bytecode(uint8_t *buf, uint32_t len)
{
    if (!ctx)
        return SBX_NO_CONTEXT;
    clear_slots();
    release_stack_reservation();
    if (JS_RelocateBytecode(ctx, buf, len))
        return finish(JS_ThrowInternalError(ctx, "not bytecode of this engine"));
    JSValue program = JS_LoadBytecode(ctx, buf);
    if (JS_IsException(program))
        return finish(program);
    return finish(run_global_code(program));
}

static JSValue call_global(const char *name, const char *args_json, uint32_t args_len)
{
    JSGCRef func_ref, args_ref;
    JSValue func = JS_GetPropertyStr(ctx, JS_GetGlobalObject(ctx), name);
    if (JS_IsException(func))
        return func;
    if (!JS_IsFunction(ctx, func))
        return JS_ThrowTypeError(ctx, "%s is not a function", name);
    JS_PUSH_VALUE(ctx, func);
    JSValue args = parse_json(args_json, args_len); /* allocates: func may move */
    if (JS_IsException(args)) {
        JS_POP_VALUE(ctx, func);
        return args;
    }
    JS_PUSH_VALUE(ctx, args);
    JSValue result;
    if (JS_GetClassID(ctx, args) != JS_CLASS_ARRAY) {
        result = JS_ThrowTypeError(ctx, "call arguments must be a JSON array");
    } else {
        JSValue length = JS_GetPropertyStr(ctx, args, "length");
        int argc = JS_VALUE_GET_INT(length);
        if (JS_StackCheck(ctx, argc + 2)) {
            result = JS_EXCEPTION;
        } else {
            /* the stack check may have run the GC: both values are read from their refs */
            for (int i = argc - 1; i >= 0; i--)
                JS_PushArg(ctx, JS_GetPropertyUint32(ctx, args_ref.val, i));
            JS_PushArg(ctx, func_ref.val);
            JS_PushArg(ctx, JS_GetGlobalObject(ctx)); /* globalThis[name](...args): a method call */
            result = JS_Call(ctx, argc);
        }
    }
    JS_POP_VALUE(ctx, args);
    JS_POP_VALUE(ctx, func);
    return result;
}

int32_t sbx_call(const char *name, const char *args_json, uint32_t args_len)
{
    if (!ctx)
        return SBX_NO_CONTEXT;
    clear_slots();
    release_stack_reservation();
    return finish(call_global(name, args_json, args_len));
}

const uintptr_t *sbx_slot_table(void)
{
    return &slot_table[0][0];
}

const uintptr_t *sbx_prepare_snapshot(void)
{
    static uintptr_t gap[2];
    gap[0] = gap[1] = 0;
    if (!ctx)
        return gap;
    clear_slots();
    JS_GC(ctx);
    uint8_t *start = ctx->heap_free, *end = (uint8_t *)ctx->sp;
    if (start < end)
        memset(start, 0, end - start);
    gap[0] = (uintptr_t)start;
    gap[1] = (uintptr_t)end;
    return gap;
}

uint32_t sbx_memory_used(void)
{
    if (!ctx)
        return 0;
    return (uint32_t)((ctx->heap_free - ctx->heap_base) + (ctx->stack_top - (uint8_t *)ctx->sp));
}
