/*
 * The sandbox has no file system, no stdout and no process: these definitions
 * satisfy the few WASI and Emscripten runtime calls that libc still links in
 * (printf in debug paths, exit in dtoa, abort), so that the module imports
 * nothing from WASI. Any path that would exit the process traps instead.
 */
#include <stdint.h>
#include <wasi/api.h>

__wasi_errno_t __wasi_fd_write(__wasi_fd_t fd, const __wasi_ciovec_t *iovs, size_t iovs_len,
                               __wasi_size_t *nwritten)
{
    (void)fd; (void)iovs; (void)iovs_len;
    *nwritten = 0;
    return __WASI_ERRNO_BADF;
}

__wasi_errno_t __wasi_fd_close(__wasi_fd_t fd)
{
    (void)fd;
    return __WASI_ERRNO_BADF;
}

__wasi_errno_t __wasi_fd_seek(__wasi_fd_t fd, __wasi_filedelta_t offset, __wasi_whence_t whence,
                              __wasi_filesize_t *newoffset)
{
    (void)fd; (void)offset; (void)whence; (void)newoffset;
    return __WASI_ERRNO_BADF;
}

_Noreturn void __wasi_proc_exit(__wasi_exitcode_t code)
{
    (void)code;
    __builtin_trap();
}

/* Memory growth needs no notification: the host reads memory through its own view. */
void emscripten_notify_memory_growth(uint32_t memory_index)
{
    (void)memory_index;
}
