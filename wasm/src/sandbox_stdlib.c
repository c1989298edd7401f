/*
 * The global environment of the sandbox, as a table for mquickjs's generator
 * (mquickjs_build.c). Built on the host, its output (sandbox_stdlib.h and
 * mquickjs_atom.h) is generated for the 32-bit wasm target.
 *
 * Policy: the ECMAScript builtins of the engine, plus print/console.log (routed
 * to the host), Date.now (host clock) and a seedable Math.random. Nothing here
 * reaches outside the sandbox: no load, no timers, no gc, no performance clock.
 * Host functions are not globals of this table: sandbox.c installs them at run
 * time as closures over the C function declared in sbx_c_functions below.
 */
#include <math.h>

#include "mquickjs_build.h"

/* ---- Object ---- */
static const JSPropDef sbx_object_statics[] = {
    JS_CFUNC_DEF("create", 2, js_object_create),
    JS_CFUNC_DEF("defineProperty", 3, js_object_defineProperty),
    JS_CFUNC_DEF("getPrototypeOf", 1, js_object_getPrototypeOf),
    JS_CFUNC_DEF("keys", 1, js_object_keys),
    JS_CFUNC_DEF("setPrototypeOf", 2, js_object_setPrototypeOf),
    JS_PROP_END,
};
static const JSPropDef sbx_object_methods[] = {
    JS_CFUNC_DEF("hasOwnProperty", 1, js_object_hasOwnProperty),
    JS_CFUNC_DEF("toString", 0, js_object_toString),
    JS_PROP_END,
};
static const JSClassDef sbx_Object = JS_CLASS_DEF("Object", 1, js_object_constructor,
    JS_CLASS_OBJECT, sbx_object_statics, sbx_object_methods, NULL, NULL);

/* ---- Function ---- */
static const JSPropDef sbx_function_methods[] = {
    JS_CFUNC_DEF("apply", 2, js_function_apply),
    JS_CFUNC_DEF("bind", 1, js_function_bind),
    JS_CFUNC_DEF("call", 1, js_function_call),
    JS_CFUNC_DEF("toString", 0, js_function_toString),
    JS_CGETSET_DEF("prototype", js_function_get_prototype, js_function_set_prototype),
    JS_CGETSET_MAGIC_DEF("length", js_function_get_length_name, NULL, 0),
    JS_CGETSET_MAGIC_DEF("name", js_function_get_length_name, NULL, 1),
    JS_PROP_END,
};
static const JSClassDef sbx_Function = JS_CLASS_DEF("Function", 1, js_function_constructor,
    JS_CLASS_CLOSURE, NULL, sbx_function_methods, NULL, NULL);

/* ---- Number and Boolean ---- */
static const JSPropDef sbx_number_statics[] = {
    JS_CFUNC_DEF("parseFloat", 1, js_number_parseFloat),
    JS_CFUNC_DEF("parseInt", 2, js_number_parseInt),
    JS_PROP_DOUBLE_DEF("EPSILON", 2.220446049250313e-16, 0),
    JS_PROP_DOUBLE_DEF("MAX_SAFE_INTEGER", 9007199254740991.0, 0),
    JS_PROP_DOUBLE_DEF("MAX_VALUE", 1.7976931348623157e+308, 0),
    JS_PROP_DOUBLE_DEF("MIN_SAFE_INTEGER", -9007199254740991.0, 0),
    JS_PROP_DOUBLE_DEF("MIN_VALUE", 5e-324, 0),
    JS_PROP_DOUBLE_DEF("NaN", NAN, 0),
    JS_PROP_DOUBLE_DEF("NEGATIVE_INFINITY", -INFINITY, 0),
    JS_PROP_DOUBLE_DEF("POSITIVE_INFINITY", INFINITY, 0),
    JS_PROP_END,
};
static const JSPropDef sbx_number_methods[] = {
    JS_CFUNC_DEF("toExponential", 1, js_number_toExponential),
    JS_CFUNC_DEF("toFixed", 1, js_number_toFixed),
    JS_CFUNC_DEF("toPrecision", 1, js_number_toPrecision),
    JS_CFUNC_DEF("toString", 1, js_number_toString),
    JS_PROP_END,
};
static const JSClassDef sbx_Number = JS_CLASS_DEF("Number", 1, js_number_constructor,
    JS_CLASS_NUMBER, sbx_number_statics, sbx_number_methods, NULL, NULL);
static const JSClassDef sbx_Boolean = JS_CLASS_DEF("Boolean", 1, js_boolean_constructor,
    JS_CLASS_BOOLEAN, NULL, NULL, NULL, NULL);

/* ---- String ---- */
static const JSPropDef sbx_string_statics[] = {
    JS_CFUNC_MAGIC_DEF("fromCharCode", 1, js_string_fromCharCode, 0),
    JS_CFUNC_MAGIC_DEF("fromCodePoint", 1, js_string_fromCharCode, 1),
    JS_PROP_END,
};
static const JSPropDef sbx_string_methods[] = {
    JS_CGETSET_DEF("length", js_string_get_length, js_string_set_length),
    JS_CFUNC_MAGIC_DEF("charAt", 1, js_string_charAt, magic_charAt),
    JS_CFUNC_MAGIC_DEF("charCodeAt", 1, js_string_charAt, magic_charCodeAt),
    JS_CFUNC_MAGIC_DEF("codePointAt", 1, js_string_charAt, magic_codePointAt),
    JS_CFUNC_DEF("concat", 1, js_string_concat),
    JS_CFUNC_MAGIC_DEF("indexOf", 1, js_string_indexOf, 0),
    JS_CFUNC_MAGIC_DEF("lastIndexOf", 1, js_string_indexOf, 1),
    JS_CFUNC_DEF("match", 1, js_string_match),
    JS_CFUNC_MAGIC_DEF("replace", 2, js_string_replace, 0),
    JS_CFUNC_MAGIC_DEF("replaceAll", 2, js_string_replace, 1),
    JS_CFUNC_DEF("search", 1, js_string_search),
    JS_CFUNC_DEF("slice", 2, js_string_slice),
    JS_CFUNC_DEF("repeat", 1, js_string_repeat),
    JS_CFUNC_DEF("split", 2, js_string_split),
    JS_CFUNC_DEF("substring", 2, js_string_substring),
    JS_CFUNC_MAGIC_DEF("toLowerCase", 0, js_string_toLowerCase, 1),
    JS_CFUNC_MAGIC_DEF("toUpperCase", 0, js_string_toLowerCase, 0),
    JS_CFUNC_DEF("toString", 0, js_string_toString),
    JS_CFUNC_MAGIC_DEF("trim", 0, js_string_trim, 3),
    JS_CFUNC_MAGIC_DEF("trimEnd", 0, js_string_trim, 2),
    JS_CFUNC_MAGIC_DEF("trimStart", 0, js_string_trim, 1),
    JS_PROP_END,
};
static const JSClassDef sbx_String = JS_CLASS_DEF("String", 1, js_string_constructor,
    JS_CLASS_STRING, sbx_string_statics, sbx_string_methods, NULL, NULL);

/* ---- Array ---- */
static const JSPropDef sbx_array_statics[] = {
    JS_CFUNC_DEF("isArray", 1, js_array_isArray),
    JS_PROP_END,
};
static const JSPropDef sbx_array_methods[] = {
    JS_CGETSET_DEF("length", js_array_get_length, js_array_set_length),
    JS_CFUNC_DEF("concat", 1, js_array_concat),
    JS_CFUNC_MAGIC_DEF("every", 1, js_array_every, js_special_every),
    JS_CFUNC_MAGIC_DEF("filter", 1, js_array_every, js_special_filter),
    JS_CFUNC_MAGIC_DEF("forEach", 1, js_array_every, js_special_forEach),
    JS_CFUNC_MAGIC_DEF("indexOf", 1, js_array_indexOf, 0),
    JS_CFUNC_DEF("join", 1, js_array_join),
    JS_CFUNC_MAGIC_DEF("lastIndexOf", 1, js_array_indexOf, 1),
    JS_CFUNC_MAGIC_DEF("map", 1, js_array_every, js_special_map),
    JS_CFUNC_DEF("pop", 0, js_array_pop),
    JS_CFUNC_MAGIC_DEF("push", 1, js_array_push, 0),
    JS_CFUNC_MAGIC_DEF("reduce", 1, js_array_reduce, js_special_reduce),
    JS_CFUNC_MAGIC_DEF("reduceRight", 1, js_array_reduce, js_special_reduceRight),
    JS_CFUNC_DEF("reverse", 0, js_array_reverse),
    JS_CFUNC_DEF("shift", 0, js_array_shift),
    JS_CFUNC_DEF("slice", 2, js_array_slice),
    JS_CFUNC_MAGIC_DEF("some", 1, js_array_every, js_special_some),
    JS_CFUNC_DEF("sort", 1, js_array_sort),
    JS_CFUNC_DEF("splice", 2, js_array_splice),
    JS_CFUNC_DEF("toString", 0, js_array_toString),
    JS_CFUNC_MAGIC_DEF("unshift", 1, js_array_push, 1),
    JS_PROP_END,
};
static const JSClassDef sbx_Array = JS_CLASS_DEF("Array", 1, js_array_constructor,
    JS_CLASS_ARRAY, sbx_array_statics, sbx_array_methods, NULL, NULL);

/* ---- Errors ---- */
static const JSPropDef sbx_error_methods[] = {
    JS_PROP_STRING_DEF("name", "Error", 0),
    JS_CGETSET_MAGIC_DEF("message", js_error_get_message, NULL, 0),
    JS_CGETSET_MAGIC_DEF("stack", js_error_get_message, NULL, 1),
    JS_CFUNC_DEF("toString", 0, js_error_toString),
    JS_PROP_END,
};
static const JSClassDef sbx_Error = JS_CLASS_MAGIC_DEF("Error", 1, js_error_constructor,
    JS_CLASS_ERROR, NULL, sbx_error_methods, NULL, NULL);

/* Each native error type only overrides "name" and inherits from Error. */
#define SBX_NATIVE_ERROR(ident, js_name, class_id)                                   \
    static const JSPropDef sbx_##ident##_methods[] = {                               \
        JS_PROP_STRING_DEF("name", js_name, 0),                                      \
        JS_PROP_END,                                                                 \
    };                                                                               \
    static const JSClassDef sbx_##ident = JS_CLASS_MAGIC_DEF(js_name, 1,             \
        js_error_constructor, class_id, NULL, sbx_##ident##_methods, &sbx_Error, NULL);

SBX_NATIVE_ERROR(EvalError, "EvalError", JS_CLASS_EVAL_ERROR)
SBX_NATIVE_ERROR(RangeError, "RangeError", JS_CLASS_RANGE_ERROR)
SBX_NATIVE_ERROR(ReferenceError, "ReferenceError", JS_CLASS_REFERENCE_ERROR)
SBX_NATIVE_ERROR(SyntaxError, "SyntaxError", JS_CLASS_SYNTAX_ERROR)
SBX_NATIVE_ERROR(TypeError, "TypeError", JS_CLASS_TYPE_ERROR)
SBX_NATIVE_ERROR(URIError, "URIError", JS_CLASS_URI_ERROR)
SBX_NATIVE_ERROR(InternalError, "InternalError", JS_CLASS_INTERNAL_ERROR)

/* ---- Math (Math.random draws from the context's seedable generator) ---- */
static const JSPropDef sbx_math_members[] = {
    JS_PROP_DOUBLE_DEF("E", 2.718281828459045, 0),
    JS_PROP_DOUBLE_DEF("LN10", 2.302585092994046, 0),
    JS_PROP_DOUBLE_DEF("LN2", 0.6931471805599453, 0),
    JS_PROP_DOUBLE_DEF("LOG10E", 0.4342944819032518, 0),
    JS_PROP_DOUBLE_DEF("LOG2E", 1.4426950408889634, 0),
    JS_PROP_DOUBLE_DEF("PI", 3.141592653589793, 0),
    JS_PROP_DOUBLE_DEF("SQRT1_2", 0.7071067811865476, 0),
    JS_PROP_DOUBLE_DEF("SQRT2", 1.4142135623730951, 0),
    JS_CFUNC_SPECIAL_DEF("abs", 1, f_f, js_fabs),
    JS_CFUNC_SPECIAL_DEF("acos", 1, f_f, js_acos),
    JS_CFUNC_SPECIAL_DEF("asin", 1, f_f, js_asin),
    JS_CFUNC_SPECIAL_DEF("atan", 1, f_f, js_atan),
    JS_CFUNC_DEF("atan2", 2, js_math_atan2),
    JS_CFUNC_SPECIAL_DEF("ceil", 1, f_f, js_ceil),
    JS_CFUNC_DEF("clz32", 1, js_math_clz32),
    JS_CFUNC_SPECIAL_DEF("cos", 1, f_f, js_cos),
    JS_CFUNC_SPECIAL_DEF("exp", 1, f_f, js_exp),
    JS_CFUNC_SPECIAL_DEF("floor", 1, f_f, js_floor),
    JS_CFUNC_SPECIAL_DEF("fround", 1, f_f, js_math_fround),
    JS_CFUNC_DEF("imul", 2, js_math_imul),
    JS_CFUNC_SPECIAL_DEF("log", 1, f_f, js_log),
    JS_CFUNC_SPECIAL_DEF("log10", 1, f_f, js_log10),
    JS_CFUNC_SPECIAL_DEF("log2", 1, f_f, js_log2),
    JS_CFUNC_MAGIC_DEF("max", 2, js_math_min_max, 1),
    JS_CFUNC_MAGIC_DEF("min", 2, js_math_min_max, 0),
    JS_CFUNC_DEF("pow", 2, js_math_pow),
    JS_CFUNC_DEF("random", 0, js_math_random),
    JS_CFUNC_SPECIAL_DEF("round", 1, f_f, js_round_inf),
    JS_CFUNC_SPECIAL_DEF("sign", 1, f_f, js_math_sign),
    JS_CFUNC_SPECIAL_DEF("sin", 1, f_f, js_sin),
    JS_CFUNC_SPECIAL_DEF("sqrt", 1, f_f, js_sqrt),
    JS_CFUNC_SPECIAL_DEF("tan", 1, f_f, js_tan),
    JS_CFUNC_SPECIAL_DEF("trunc", 1, f_f, js_trunc),
    JS_PROP_END,
};
static const JSClassDef sbx_Math = JS_OBJECT_DEF("Math", sbx_math_members);

/* ---- JSON ---- */
static const JSPropDef sbx_json_members[] = {
    JS_CFUNC_DEF("parse", 2, js_json_parse),
    JS_CFUNC_DEF("stringify", 3, js_json_stringify),
    JS_PROP_END,
};
static const JSClassDef sbx_JSON = JS_OBJECT_DEF("JSON", sbx_json_members);

/* ---- ArrayBuffer and typed arrays ---- */
static const JSPropDef sbx_array_buffer_methods[] = {
    JS_CGETSET_DEF("byteLength", js_array_buffer_get_byteLength, NULL),
    JS_PROP_END,
};
static const JSClassDef sbx_ArrayBuffer = JS_CLASS_DEF("ArrayBuffer", 1,
    js_array_buffer_constructor, JS_CLASS_ARRAY_BUFFER, NULL, sbx_array_buffer_methods, NULL, NULL);

static const JSPropDef sbx_typed_array_methods[] = {
    JS_CGETSET_MAGIC_DEF("length", js_typed_array_get_length, NULL, 0),
    JS_CGETSET_MAGIC_DEF("byteLength", js_typed_array_get_length, NULL, 1),
    JS_CGETSET_MAGIC_DEF("byteOffset", js_typed_array_get_length, NULL, 2),
    JS_CGETSET_MAGIC_DEF("buffer", js_typed_array_get_length, NULL, 3),
    JS_CFUNC_DEF("join", 1, js_array_join),
    JS_CFUNC_DEF("set", 1, js_typed_array_set),
    JS_CFUNC_DEF("subarray", 2, js_typed_array_subarray),
    JS_CFUNC_DEF("toString", 0, js_array_toString),
    JS_PROP_END,
};
static const JSClassDef sbx_TypedArray = JS_CLASS_DEF("TypedArray", 0,
    js_typed_array_base_constructor, JS_CLASS_TYPED_ARRAY, NULL, sbx_typed_array_methods, NULL, NULL);

/* Each concrete typed array carries BYTES_PER_ELEMENT on the constructor and the prototype. */
#define SBX_TYPED_ARRAY(ident, class_id, element_size)                               \
    static const JSPropDef sbx_##ident##_members[] = {                               \
        JS_PROP_DOUBLE_DEF("BYTES_PER_ELEMENT", element_size, 0),                    \
        JS_PROP_END,                                                                 \
    };                                                                               \
    static const JSClassDef sbx_##ident = JS_CLASS_MAGIC_DEF(#ident, 3,              \
        js_typed_array_constructor, class_id, sbx_##ident##_members,                 \
        sbx_##ident##_members, &sbx_TypedArray, NULL);

SBX_TYPED_ARRAY(Uint8ClampedArray, JS_CLASS_UINT8C_ARRAY, 1)
SBX_TYPED_ARRAY(Int8Array, JS_CLASS_INT8_ARRAY, 1)
SBX_TYPED_ARRAY(Uint8Array, JS_CLASS_UINT8_ARRAY, 1)
SBX_TYPED_ARRAY(Int16Array, JS_CLASS_INT16_ARRAY, 2)
SBX_TYPED_ARRAY(Uint16Array, JS_CLASS_UINT16_ARRAY, 2)
SBX_TYPED_ARRAY(Int32Array, JS_CLASS_INT32_ARRAY, 4)
SBX_TYPED_ARRAY(Uint32Array, JS_CLASS_UINT32_ARRAY, 4)
SBX_TYPED_ARRAY(Float32Array, JS_CLASS_FLOAT32_ARRAY, 4)
SBX_TYPED_ARRAY(Float64Array, JS_CLASS_FLOAT64_ARRAY, 8)

/* ---- RegExp ---- */
static const JSPropDef sbx_regexp_methods[] = {
    JS_CFUNC_MAGIC_DEF("exec", 1, js_regexp_exec, 0),
    JS_CFUNC_MAGIC_DEF("test", 1, js_regexp_exec, 1),
    JS_CGETSET_DEF("flags", js_regexp_get_flags, NULL),
    JS_CGETSET_DEF("lastIndex", js_regexp_get_lastIndex, js_regexp_set_lastIndex),
    JS_CGETSET_DEF("source", js_regexp_get_source, NULL),
    JS_PROP_END,
};
static const JSClassDef sbx_RegExp = JS_CLASS_DEF("RegExp", 2, js_regexp_constructor,
    JS_CLASS_REGEXP, NULL, sbx_regexp_methods, NULL, NULL);

/* ---- Date: only Date.now(), read from the host clock ---- */
static const JSPropDef sbx_date_statics[] = {
    JS_CFUNC_DEF("now", 0, sbx_date_now),
    JS_PROP_END,
};
static const JSClassDef sbx_Date = JS_CLASS_DEF("Date", 7, js_date_constructor,
    JS_CLASS_DATE, sbx_date_statics, NULL, NULL, NULL);

/* ---- console: only log, which is print ---- */
static const JSPropDef sbx_console_members[] = {
    JS_CFUNC_DEF("log", 1, sbx_print),
    JS_PROP_END,
};
static const JSClassDef sbx_console = JS_OBJECT_DEF("Console", sbx_console_members);

static const JSPropDef sbx_globals[] = {
    JS_PROP_CLASS_DEF("Object", &sbx_Object),
    JS_PROP_CLASS_DEF("Function", &sbx_Function),
    JS_PROP_CLASS_DEF("Number", &sbx_Number),
    JS_PROP_CLASS_DEF("Boolean", &sbx_Boolean),
    JS_PROP_CLASS_DEF("String", &sbx_String),
    JS_PROP_CLASS_DEF("Array", &sbx_Array),
    JS_PROP_CLASS_DEF("Math", &sbx_Math),
    JS_PROP_CLASS_DEF("Date", &sbx_Date),
    JS_PROP_CLASS_DEF("JSON", &sbx_JSON),
    JS_PROP_CLASS_DEF("RegExp", &sbx_RegExp),
    JS_PROP_CLASS_DEF("Error", &sbx_Error),
    JS_PROP_CLASS_DEF("EvalError", &sbx_EvalError),
    JS_PROP_CLASS_DEF("RangeError", &sbx_RangeError),
    JS_PROP_CLASS_DEF("ReferenceError", &sbx_ReferenceError),
    JS_PROP_CLASS_DEF("SyntaxError", &sbx_SyntaxError),
    JS_PROP_CLASS_DEF("TypeError", &sbx_TypeError),
    JS_PROP_CLASS_DEF("URIError", &sbx_URIError),
    JS_PROP_CLASS_DEF("InternalError", &sbx_InternalError),
    JS_PROP_CLASS_DEF("ArrayBuffer", &sbx_ArrayBuffer),
    JS_PROP_CLASS_DEF("Uint8ClampedArray", &sbx_Uint8ClampedArray),
    JS_PROP_CLASS_DEF("Int8Array", &sbx_Int8Array),
    JS_PROP_CLASS_DEF("Uint8Array", &sbx_Uint8Array),
    JS_PROP_CLASS_DEF("Int16Array", &sbx_Int16Array),
    JS_PROP_CLASS_DEF("Uint16Array", &sbx_Uint16Array),
    JS_PROP_CLASS_DEF("Int32Array", &sbx_Int32Array),
    JS_PROP_CLASS_DEF("Uint32Array", &sbx_Uint32Array),
    JS_PROP_CLASS_DEF("Float32Array", &sbx_Float32Array),
    JS_PROP_CLASS_DEF("Float64Array", &sbx_Float64Array),
    JS_CFUNC_DEF("eval", 1, sbx_global_eval), /* js_global_eval, with the global object as this */
    JS_CFUNC_DEF("isFinite", 1, js_global_isFinite),
    JS_CFUNC_DEF("isNaN", 1, js_global_isNaN),
    JS_CFUNC_DEF("parseFloat", 1, js_number_parseFloat),
    JS_CFUNC_DEF("parseInt", 2, js_number_parseInt),
    JS_PROP_DOUBLE_DEF("Infinity", INFINITY, 0),
    JS_PROP_DOUBLE_DEF("NaN", NAN, 0),
    JS_PROP_UNDEFINED_DEF("undefined", 0),
    JS_PROP_NULL_DEF("globalThis", 0), /* the generator expands null to the global object */
    JS_PROP_CLASS_DEF("console", &sbx_console),
    JS_CFUNC_DEF("print", 1, sbx_print),
    JS_PROP_END,
};

/* C functions reachable only as closures made at run time, never as globals.
   "bound" must be first: Function.prototype.bind relies on its index. */
static const JSPropDef sbx_c_functions[] = {
    JS_CFUNC_SPECIAL_DEF("bound", 0, generic_params, js_function_bound),
    JS_CFUNC_SPECIAL_DEF("sandbox_host_function", 0, generic_params, sbx_host_function),
    JS_PROP_END,
};

int main(int argc, char **argv)
{
    return build_atoms("sbx_stdlib", sbx_globals, sbx_c_functions, argc, argv);
}
