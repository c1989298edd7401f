/*
 * Native reference: the same sandbox.c and engine, built with the host's gcc.
 * Implements the host imports in C and prints one JSON object per run, so that
 * tests can compare the wasm sandbox with native execution, and benchmarks can
 * time the engine without any wasm runtime.
 *
 * usage: mqjs-native [--memory-limit BYTES] [--repeat N] (-e CODE | FILE)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/time.h>

#include "sandbox.h"

/* ---- host imports ---- */

static char *output;
static size_t output_len, output_cap;

int32_t host_write(const char *buf, uint32_t len)
{
    if (output_len + len + 1 > output_cap) {
        output_cap = (output_len + len + 1) * 2;
        output = realloc(output, output_cap);
        if (!output)
            abort();
    }
    memcpy(output + output_len, buf, len);
    output_len += len;
    return 0;
}

int32_t host_poll_interrupt(void) { return 0; }

double host_now_ms(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (double)tv.tv_sec * 1000.0 + (double)(tv.tv_usec / 1000);
}

static const char no_host_functions[] = "no host functions in the native reference";

int32_t host_call(int32_t id, const char *args_json, uint32_t len)
{
    (void)id; (void)args_json; (void)len;
    return -(int32_t)(sizeof(no_host_functions) - 1) - 1;
}

void host_take_result(char *dest)
{
    memcpy(dest, no_host_functions, sizeof(no_host_functions) - 1);
}

/* ---- JSON printing ---- */

static void print_json_string(const char *s, size_t len)
{
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\r': fputs("\\r", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        default:
            if (c < 0x20)
                printf("\\u%04x", c);
            else
                putchar(c);
        }
    }
    putchar('"');
}

static void print_slot_field(const char *key, int slot)
{
    const uintptr_t *entry = sbx_slot_table() + 2 * slot;
    printf(",\"%s\":", key);
    if (entry[0] != 0)
        print_json_string((const char *)(uintptr_t)entry[0], entry[1]);
    else
        fputs("null", stdout);
}

static char *read_file(const char *path, size_t *plen)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *plen = (size_t)n;
    }
    return buf;
}

static int64_t now_nanos(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int compare_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    uint32_t memory_limit = 16 << 20;
    int repeat = 1;
    const char *code = NULL, *file_name = "<eval>";
    size_t code_len = 0;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--memory-limit") && i + 1 < argc) {
            memory_limit = (uint32_t)strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) {
            repeat = atoi(argv[++i]);
        } else if (!strcmp(argv[i], "-e") && i + 1 < argc) {
            code = argv[++i];
            code_len = strlen(code);
        } else if (argv[i][0] != '-') {
            file_name = argv[i];
            code = read_file(file_name, &code_len);
            if (!code) {
                fprintf(stderr, "cannot read %s\n", file_name);
                return 2;
            }
        } else {
            fprintf(stderr, "usage: %s [--memory-limit BYTES] [--repeat N] (-e CODE | FILE)\n", argv[0]);
            return 2;
        }
    }
    if (!code || repeat < 1) {
        fprintf(stderr, "usage: %s [--memory-limit BYTES] [--repeat N] (-e CODE | FILE)\n", argv[0]);
        return 2;
    }

    int64_t *times = malloc(sizeof(int64_t) * (size_t)repeat);
    int status = SBX_NO_CONTEXT;
    for (int r = 0; r < repeat; r++) {
        output_len = 0;
        if (sbx_create(memory_limit) != 0) {
            fprintf(stderr, "cannot create a context of %u bytes\n", memory_limit);
            return 70;
        }
        sbx_set_random_seed(1);
        int64_t start = now_nanos();
        status = sbx_eval(code, (uint32_t)code_len, file_name);
        times[r] = now_nanos() - start;
        if (r + 1 < repeat)
            sbx_destroy();
    }
    qsort(times, (size_t)repeat, sizeof(int64_t), compare_i64);

    printf("{\"status\":%d", status);
    print_slot_field("value", SBX_SLOT_VALUE_JSON);
    print_slot_field("display", SBX_SLOT_DISPLAY);
    print_slot_field("errorName", SBX_SLOT_ERROR_NAME);
    print_slot_field("errorMessage", SBX_SLOT_ERROR_MESSAGE);
    print_slot_field("errorStack", SBX_SLOT_ERROR_STACK);
    fputs(",\"output\":", stdout);
    print_json_string(output ? output : "", output_len);
    printf(",\"evalNanos\":%lld,\"evalNanosMedian\":%lld}\n",
           (long long)times[0], (long long)times[repeat / 2]);
    sbx_destroy();
    return status == SBX_OK ? 0 : 1;
}
