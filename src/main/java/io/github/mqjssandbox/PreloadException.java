package io.github.mqjssandbox;

/**
 * A script of {@link SandboxConfig#preloads()} failed while the context sandboxes of its
 * configuration start from was being made, so no sandbox was created: it did not parse
 * ({@link ErrorKind#SYNTAX}), threw ({@link ErrorKind#RUNTIME}), ran out of the JS heap
 * ({@link ErrorKind#MEMORY}) or past the configuration's timeout ({@link ErrorKind#TIMEOUT}).
 * Nothing of it is kept: the next {@code create} tries again.
 */
public final class PreloadException extends SandboxException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final ErrorKind kind;
    private final String jsStack;

    PreloadException(String message, String fileName, ErrorKind kind, String jsStack, Throwable cause) {
        super(message, "", cause);
        this.fileName = fileName;
        this.kind = kind;
        this.jsStack = jsStack == null ? "" : jsStack;
    }

    /** The {@link SandboxConfig.PreloadScript#fileName()} of the script that failed. */
    public String fileName() {
        return fileName;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    /** The engine's stack trace of the error ({@code at f (lib.js:12:5)} lines), empty if none. */
    public String jsStack() {
        return jsStack;
    }
}
