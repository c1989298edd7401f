package io.github.mqjssandbox.wasmtools.wasm;

/**
 * A section exactly as it appeared in the input (id byte, size, payload). Sections that are
 * not changed are written back from these bytes, which makes untouched parts byte-identical.
 */
public final class Section {
    private final SectionId id;
    private final String customName;
    private final long offset;
    private final byte[] raw;
    private final int payloadStart;

    Section(SectionId id, String customName, long offset, byte[] raw, int payloadStart) {
        this.id = id;
        this.customName = customName;
        this.offset = offset;
        this.raw = raw;
        this.payloadStart = payloadStart;
    }

    public SectionId id() {
        return id;
    }

    /** Name of a custom section, null for other sections. */
    public String customName() {
        return customName;
    }

    /** Offset of the section's id byte in the original module. */
    public long offset() {
        return offset;
    }

    /** Total size including id byte and size field. */
    public int totalSize() {
        return raw.length;
    }

    /** A copy of the payload (for custom sections: including the name). */
    public byte[] payload() {
        return java.util.Arrays.copyOfRange(raw, payloadStart, raw.length);
    }

    byte[] raw() {
        return raw;
    }

    int payloadStart() {
        return payloadStart;
    }

    @Override
    public String toString() {
        return id + (customName != null ? " \"" + customName + "\"" : "") + " @" + offset + " (" + raw.length + " bytes)";
    }
}
