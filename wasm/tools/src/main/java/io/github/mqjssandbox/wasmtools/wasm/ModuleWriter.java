package io.github.mqjssandbox.wasmtools.wasm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link WasmModule}: raw bytes for every section that did not change, fresh
 * encodings for changed modeled sections, and new sections (e.g. a first global) inserted at
 * their required position.
 */
final class ModuleWriter {
    private final WasmModule module;
    private final ByteWriter out;

    private ModuleWriter(WasmModule module, int sizeHint) {
        this.module = module;
        this.out = new ByteWriter(sizeHint);
    }

    static byte[] encode(WasmModule module) {
        int size = 0;
        for (Section s : module.sections()) {
            size += s.totalSize();
        }
        return new ModuleWriter(module, size + 64).run();
    }

    private byte[] run() {
        out.writeBytes(ModuleParser.HEADER);
        List<SectionId> missing = missingSections();
        int lastKnown = -1;
        for (int i = 0; i < module.sections().size(); i++) {
            if (module.sections().get(i).id() != SectionId.CUSTOM) {
                lastKnown = i;
            }
        }
        if (lastKnown < 0) {
            writeNew(missing, Integer.MAX_VALUE);
        }
        for (int i = 0; i < module.sections().size(); i++) {
            Section s = module.sections().get(i);
            if (s.id() != SectionId.CUSTOM) {
                writeNew(missing, s.id().rank());
            }
            writeExisting(s);
            if (i == lastKnown) {
                writeNew(missing, Integer.MAX_VALUE);
            }
        }
        return out.toByteArray();
    }

    /** Modeled sections that were absent in the input but now have content. */
    private List<SectionId> missingSections() {
        Set<SectionId> present = EnumSet.noneOf(SectionId.class);
        module.sections().forEach(s -> present.add(s.id()));
        List<SectionId> missing = new ArrayList<>();
        for (SectionId id : new SectionId[] {SectionId.TYPE, SectionId.FUNCTION, SectionId.GLOBAL,
                SectionId.EXPORT, SectionId.CODE}) {
            if (!present.contains(id) && hasContent(id)) {
                missing.add(id); // already in rank order
            }
        }
        return missing;
    }

    private boolean hasContent(SectionId id) {
        switch (id) {
            case TYPE:
                return !module.types().isEmpty();
            case FUNCTION:
            case CODE:
                return module.definedFunctionCount() > 0;
            case GLOBAL:
                return !module.globals().isEmpty();
            case EXPORT:
                return !module.exports().isEmpty();
            default:
                return false;
        }
    }

    /** Writes and removes pending new sections that must precede a section of rank {@code before}. */
    private void writeNew(List<SectionId> pending, int before) {
        while (!pending.isEmpty() && pending.get(0).rank() < before) {
            writeSection(pending.remove(0));
        }
    }

    private void writeExisting(Section s) {
        if (module.isChanged(s.id())) {
            writeSection(s.id());
        } else {
            out.writeBytes(s.raw());
        }
    }

    private void writeSection(SectionId id) {
        ByteWriter payload = new ByteWriter();
        switch (id) {
            case TYPE:
                payload.writeU32(module.types().size());
                module.types().forEach(t -> t.write(payload));
                break;
            case IMPORT:
                payload.writeU32(module.imports().size());
                module.imports().forEach(i -> i.write(payload));
                break;
            case FUNCTION:
                payload.writeU32(module.functionTypeIndices().size());
                module.functionTypeIndices().forEach(payload::writeU32);
                break;
            case GLOBAL:
                payload.writeU32(module.globals().size());
                module.globals().forEach(g -> g.write(payload));
                break;
            case EXPORT:
                payload.writeU32(module.exports().size());
                module.exports().forEach(e -> e.write(payload));
                break;
            case CODE:
                payload.writeU32(module.bodies().size());
                module.bodies().forEach(b -> payload.writeSized(b.encode()));
                break;
            default:
                throw new AssertionError("not a modeled section: " + id);
        }
        out.writeByte(id.id());
        out.writeSized(payload.toByteArray());
    }
}
