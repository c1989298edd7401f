package io.github.mqjssandbox.wasmtools.wasm;

/**
 * Known section ids with their required order. Data count (12) sits between element and code,
 * so the order rank differs from the id.
 */
public enum SectionId {
    CUSTOM(0, 0),
    TYPE(1, 1),
    IMPORT(2, 2),
    FUNCTION(3, 3),
    TABLE(4, 4),
    MEMORY(5, 5),
    GLOBAL(6, 6),
    EXPORT(7, 7),
    START(8, 8),
    ELEMENT(9, 9),
    DATA_COUNT(12, 10),
    CODE(10, 11),
    DATA(11, 12);

    private final int id;
    private final int rank;

    SectionId(int id, int rank) {
        this.id = id;
        this.rank = rank;
    }

    public int id() {
        return id;
    }

    /** Position in the mandatory order of non-custom sections. */
    int rank() {
        return rank;
    }

    /** Null for ids this library does not know (e.g. the exception-handling tag section). */
    public static SectionId fromId(int id) {
        for (SectionId s : values()) {
            if (s.id == id) {
                return s;
            }
        }
        return null;
    }
}
