package io.github.mqjssandbox.internal.wasm;

import io.github.mqjssandbox.Engine;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The template of the default settings (AOT engine, plain module, 16 MiB heap, compatibility
 * prelude), made when the library is built and read from its jar: a cold JVM's first sandbox then
 * copies it instead of instantiating the module, creating the context and running the prelude in
 * code the JIT has not compiled yet (about 0.1 s). It is used only if it was made from the same
 * module and prelude as the running ones; otherwise the template is made as usual.
 *
 * <p>Format: magic, the module's shape (global count, data segments and their hash, function
 * count), the prelude's hash,
 * the heap size, the globals, the page count, then each page that is not zero as index and bytes.
 */
final class StoredTemplate {
    static final String RESOURCE = "/templates/default.template";
    private static final int MAGIC = 0x6d716a74; // "mqjt"
    static final int HEAP_BYTES = 16 << 20;

    private StoredTemplate() {}

    /** The stored template if it fits this module, heap and prelude; null otherwise (or if there is none). */
    static EngineTemplate find(LoadedModule loaded, int arenaBytes, Prelude prelude) {
        if (arenaBytes != HEAP_BYTES || !ModuleRegistry.isPlainAot(loaded) || !prelude.equals(Prelude.compat())) {
            return null;
        }
        try (InputStream raw = StoredTemplate.class.getResourceAsStream(RESOURCE)) {
            return raw == null ? null : read(new DataInputStream(new BufferedInputStream(raw, 1 << 16)), loaded, prelude);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library's resource " + RESOURCE, e);
        }
    }

    private static EngineTemplate read(DataInputStream in, LoadedModule loaded, Prelude prelude) throws IOException {
        long[] shape = shape(loaded, prelude);
        if (in.readInt() != MAGIC) {
            return null;
        }
        for (long expected : shape) {
            if (in.readLong() != expected) {
                return null; // made from another module or prelude: a stale build output
            }
        }
        long[] globals = new long[in.readInt()];
        for (int i = 0; i < globals.length; i++) {
            globals[i] = in.readLong();
        }
        byte[][] pages = new byte[in.readInt()][];
        Arrays.fill(pages, PagedMemory.ZERO_PAGE);
        for (int index = in.readInt(); index >= 0; index = in.readInt()) {
            byte[] page = new byte[PagedMemory.ZERO_PAGE.length];
            in.readFully(page);
            pages[index] = page;
        }
        return new EngineTemplate(new MemoryImage(pages), globals);
    }

    /** What a stored template must have been made from: the module's shape and the prelude. */
    private static long[] shape(LoadedModule loaded, Prelude prelude) {
        var module = loaded.module();
        long data = 0;
        for (var segment : module.dataSection().dataSegments()) {
            data = data * 31 + Arrays.hashCode(segment.data());
        }
        return new long[] {
            module.globalSection().globalCount(),
            module.dataSection().dataSegmentCount(),
            data,
            module.codeSection().functionBodyCount(),
            prelude.hashCode(),
            HEAP_BYTES
        };
    }

    /** Writes {@code template}, made from {@code loaded} and {@code prelude}, in the stored format. */
    static void write(EngineTemplate template, LoadedModule loaded, Prelude prelude, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeInt(MAGIC);
        for (long value : shape(loaded, prelude)) {
            out.writeLong(value);
        }
        long[] globals = template.globals();
        out.writeInt(globals.length);
        for (long value : globals) {
            out.writeLong(value);
        }
        MemoryImage image = template.memory();
        out.writeInt(image.pageCount());
        for (int i = 0; i < image.pageCount(); i++) {
            if (image.page(i) != PagedMemory.ZERO_PAGE && !isZero(image.page(i))) {
                out.writeInt(i);
                out.write(image.page(i));
            }
        }
        out.writeInt(-1);
        out.flush();
    }

    private static boolean isZero(byte[] page) {
        for (byte b : page) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Build step: makes the default settings' template and writes it under {@code args[0]} (the
     * classes directory), so the jar carries it.
     */
    public static void main(String[] args) throws IOException {
        LoadedModule loaded = ModuleRegistry.get(Engine.AOT, false);
        Prelude prelude = Prelude.compat();
        EngineInstance fresh = EngineInstance.createFresh(loaded, HEAP_BYTES, prelude.residentBytes() + (1 << 20), prelude, HostCalls.NONE);
        EngineTemplate template = EngineTemplate.capture(fresh);
        Path target = Path.of(args[0], RESOURCE.substring(1));
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            write(template, loaded, prelude, out);
        }
        System.out.println("stored template: " + target + ", " + Files.size(target) + " bytes, "
                + template.memory().allocatedPages() + " of " + template.memory().pageCount() + " pages");
    }
}
