package io.github.mqjssandbox.wasmtools.wasm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Splits a binary module into sections and decodes the modeled ones. */
final class ModuleParser {
    static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    private final byte[] bytes;
    private final List<Section> sections = new ArrayList<>();
    private List<FuncType> types = List.of();
    private List<Import> imports = List.of();
    private List<Integer> functionTypes = List.of();
    private List<Global> globals = List.of();
    private List<Export> exports = List.of();
    private List<FunctionBody> bodies = List.of();
    private boolean sawFunctionSection;
    private boolean sawCodeSection;

    private ModuleParser(byte[] bytes) {
        this.bytes = bytes;
    }

    static WasmModule parse(byte[] bytes) {
        return new ModuleParser(bytes).run();
    }

    private WasmModule run() {
        ByteReader in = new ByteReader(bytes);
        if (bytes.length < HEADER.length || !Arrays.equals(bytes, 0, 4, HEADER, 0, 4)) {
            throw new WasmFormatException("not a wasm module (bad magic)", 0);
        }
        if (!Arrays.equals(bytes, 4, 8, HEADER, 4, 8)) {
            throw new WasmFormatException("unsupported wasm version", 4);
        }
        in.skip(HEADER.length);
        int lastRank = 0;
        while (in.hasMore()) {
            lastRank = readSection(in, lastRank);
        }
        if (functionTypes.size() != bodies.size() || sawFunctionSection && !sawCodeSection && !functionTypes.isEmpty()) {
            throw new WasmFormatException("function section declares " + functionTypes.size()
                    + " functions but code section has " + bodies.size(), bytes.length);
        }
        return new WasmModule(sections, types, imports, functionTypes, globals, exports, bodies);
    }

    private int readSection(ByteReader in, int lastRank) {
        int start = in.position();
        int idByte = in.readByte();
        SectionId id = SectionId.fromId(idByte);
        if (id == null) {
            throw new WasmFormatException("unknown or unsupported section id " + idByte, start);
        }
        int size = in.readIndex();
        int payloadStart = in.position();
        if (size > in.remaining()) {
            throw new WasmFormatException("section size " + size + " exceeds module end", start);
        }
        int end = payloadStart + size;
        int rank = lastRank;
        if (id != SectionId.CUSTOM) {
            if (id.rank() <= lastRank) {
                throw new WasmFormatException("section " + id + " duplicated or out of order", start);
            }
            rank = id.rank();
        }
        ByteReader payload = new ByteReader(bytes, payloadStart, end, 0);
        String customName = id == SectionId.CUSTOM ? payload.readName() : null;
        decode(id, payload);
        if (id != SectionId.CUSTOM && payload.hasMore()) {
            throw payload.error("section " + id + " has trailing bytes");
        }
        byte[] raw = Arrays.copyOfRange(bytes, start, end);
        sections.add(new Section(id, customName, start, raw, payloadStart - start));
        in.skip(size);
        return rank;
    }

    private void decode(SectionId id, ByteReader in) {
        switch (id) {
            case TYPE:
                types = readVector(in, FuncType::read);
                break;
            case IMPORT:
                imports = readVector(in, Import::read);
                break;
            case FUNCTION:
                sawFunctionSection = true;
                functionTypes = readVector(in, ByteReader::readIndex);
                break;
            case GLOBAL:
                globals = readVector(in, Global::read);
                break;
            case EXPORT:
                exports = readVector(in, Export::read);
                break;
            case CODE:
                sawCodeSection = true;
                bodies = readVector(in, ModuleParser::readBody);
                break;
            default:
                // Kept as raw bytes only; nothing to decode.
                in.skip(in.remaining());
        }
    }

    private static FunctionBody readBody(ByteReader in) {
        int size = in.readIndex();
        long offset = in.offset();
        return FunctionBody.parse(in.readBytes(size), offset);
    }

    private static <T> List<T> readVector(ByteReader in, Function<ByteReader, T> element) {
        int count = in.readIndex();
        if (count > in.remaining()) {
            throw in.error("vector length " + count + " exceeds section size");
        }
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(element.apply(in));
        }
        return out;
    }
}
