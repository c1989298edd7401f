package io.github.mqjssandbox;

import io.github.mqjssandbox.internal.EngineText;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Collects what one evaluation prints, up to a byte limit, and forwards each piece to an
 * optional listener. Bytes beyond the limit are dropped and the buffer reports overflow.
 */
final class OutputBuffer {
    private final int limit;
    private final Consumer<String> listener;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean overflowed;

    OutputBuffer(int limit, Consumer<String> listener) {
        this.limit = limit;
        this.listener = listener;
    }

    /** Returns false once the limit is exceeded. */
    boolean append(byte[] utf8) {
        int room = limit - bytes.size();
        int kept = Math.min(room, utf8.length);
        if (kept > 0) {
            bytes.write(utf8, 0, kept);
            if (listener != null) {
                listener.accept(EngineText.decode(utf8, 0, kept));
            }
        }
        if (kept < utf8.length) {
            overflowed = true;
        }
        return !overflowed;
    }

    boolean overflowed() {
        return overflowed;
    }

    String text() {
        return EngineText.decode(bytes.toByteArray());
    }

    void clear() {
        bytes.reset();
        overflowed = false;
    }
}
