package io.github.mqjssandbox.wasmtools.wasm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Editable view of a binary module. Types, imports, functions, globals, exports and code are
 * modeled; every other section (tables, memory, start, elements, data, data count, custom
 * sections including "name") is kept as raw bytes. Sections that were not changed are written
 * back verbatim, and so are untouched function bodies, so {@code parse(b).encode()} equals
 * {@code b}.
 *
 * <p>Additions only append (new types, functions and globals get the next free index), so
 * existing indices and therefore the raw sections stay valid. Not thread-safe.
 */
public final class WasmModule {
    private final List<Section> sections;
    private final List<FuncType> types;
    private final List<Import> imports;
    private final List<Integer> functionTypes;
    private final List<Global> globals;
    private final List<Export> exports;
    private final List<FunctionBody> bodies;
    /** Bodies as parsed; the code section is copied raw while every slot still holds these. */
    private final List<FunctionBody> originalBodies;
    private final int importedFunctions;
    private final int importedGlobals;
    /** Type index of each imported function, cached because call analysis asks often. */
    private final int[] importedFunctionTypes;
    private final GlobalType[] importedGlobalTypes;
    private Map<Integer, String> names;

    private boolean typesChanged;
    private boolean importsChanged;
    private boolean functionsChanged;
    private boolean globalsChanged;
    private boolean exportsChanged;
    private boolean codeChanged;

    WasmModule(List<Section> sections, List<FuncType> types, List<Import> imports,
            List<Integer> functionTypes, List<Global> globals, List<Export> exports,
            List<FunctionBody> bodies) {
        this.sections = List.copyOf(sections);
        this.types = new ArrayList<>(types);
        this.imports = List.copyOf(imports);
        this.functionTypes = new ArrayList<>(functionTypes);
        this.globals = new ArrayList<>(globals);
        this.exports = new ArrayList<>(exports);
        this.bodies = new ArrayList<>(bodies);
        this.originalBodies = List.copyOf(bodies);
        this.importedFunctionTypes = this.imports.stream()
                .filter(i -> i.descriptor() instanceof Import.FunctionImport)
                .mapToInt(i -> ((Import.FunctionImport) i.descriptor()).typeIndex())
                .toArray();
        this.importedGlobalTypes = this.imports.stream()
                .filter(i -> i.descriptor() instanceof Import.GlobalImport)
                .map(i -> ((Import.GlobalImport) i.descriptor()).type())
                .toArray(GlobalType[]::new);
        this.importedFunctions = importedFunctionTypes.length;
        this.importedGlobals = importedGlobalTypes.length;
    }

    /** Parses a binary module; throws {@link WasmFormatException} on malformed input. */
    public static WasmModule parse(byte[] bytes) {
        return ModuleParser.parse(bytes);
    }

    /** Encodes the module; unchanged sections and bodies are copied from the input bytes. */
    public byte[] encode() {
        return ModuleWriter.encode(this);
    }

    /**
     * Forgets all original bytes of modeled sections and bodies, so {@link #encode()}
     * re-encodes types, imports, functions, globals, exports and every instruction. Used to
     * prove the encoder is complete; a real rewrite never needs it.
     */
    public void reencodeAll() {
        typesChanged = importsChanged = functionsChanged = true;
        globalsChanged = exportsChanged = codeChanged = true;
        bodies.replaceAll(FunctionBody::decoded);
    }

    /** Sections in input order, as read (not reflecting later edits). */
    public List<Section> sections() {
        return sections;
    }

    // ---- types ----

    public List<FuncType> types() {
        return Collections.unmodifiableList(types);
    }

    /** Appends a type and returns its index (even if an equal type already exists). */
    public int addType(FuncType type) {
        types.add(type);
        typesChanged = true;
        return types.size() - 1;
    }

    /** Index of the first type equal to {@code type}, appending it if there is none. */
    public int internType(FuncType type) {
        int existing = types.indexOf(type);
        return existing >= 0 ? existing : addType(type);
    }

    // ---- imports ----

    public List<Import> imports() {
        return imports;
    }

    public int importedFunctionCount() {
        return importedFunctions;
    }

    public int importedGlobalCount() {
        return importedGlobals;
    }

    // ---- functions (index space: imported functions first, then defined ones) ----

    /** Total number of functions, imported plus defined. */
    public int functionCount() {
        return importedFunctions + functionTypes.size();
    }

    public int definedFunctionCount() {
        return functionTypes.size();
    }

    public boolean isImportedFunction(int functionIndex) {
        checkFunctionIndex(functionIndex);
        return functionIndex < importedFunctions;
    }

    public int functionTypeIndex(int functionIndex) {
        checkFunctionIndex(functionIndex);
        if (functionIndex < importedFunctions) {
            return importedFunctionTypes[functionIndex];
        }
        return functionTypes.get(functionIndex - importedFunctions);
    }

    public FuncType functionType(int functionIndex) {
        return types.get(functionTypeIndex(functionIndex));
    }

    /** Body of a defined function, addressed by its function index. */
    public FunctionBody body(int functionIndex) {
        return bodies.get(definedIndex(functionIndex));
    }

    public void setBody(int functionIndex, FunctionBody body) {
        if (body == null) {
            throw new IllegalArgumentException("body is required");
        }
        bodies.set(definedIndex(functionIndex), body);
        codeChanged = true;
    }

    /** Appends a function with the given type and returns its function index. */
    public int addFunction(int typeIndex, FunctionBody body) {
        if (typeIndex < 0 || typeIndex >= types.size()) {
            throw new IllegalArgumentException("no type " + typeIndex);
        }
        if (body == null) {
            throw new IllegalArgumentException("body is required");
        }
        functionTypes.add(typeIndex);
        bodies.add(body);
        functionsChanged = true;
        codeChanged = true;
        return functionCount() - 1;
    }

    /**
     * Appends one local of {@code type} to a defined function and returns its local index
     * (parameters count too). The function's code is kept as is.
     */
    public int appendLocal(int functionIndex, ValType type) {
        FunctionBody body = body(functionIndex);
        int index = functionType(functionIndex).params().size() + body.localCount();
        setBody(functionIndex, body.withAppendedLocals(type, 1));
        return index;
    }

    /** Name from the "name" custom section, if present. */
    public Optional<String> functionName(int functionIndex) {
        if (names == null) {
            names = Map.of();
            for (Section s : sections) {
                if ("name".equals(s.customName())) {
                    names = NameSection.functionNames(s);
                }
            }
        }
        return Optional.ofNullable(names.get(functionIndex));
    }

    // ---- globals (index space: imported globals first) ----

    public int globalCount() {
        return importedGlobals + globals.size();
    }

    /** Globals defined by this module (not imported ones). */
    public List<Global> globals() {
        return Collections.unmodifiableList(globals);
    }

    public GlobalType globalType(int globalIndex) {
        if (globalIndex < 0 || globalIndex >= globalCount()) {
            throw new IndexOutOfBoundsException("global " + globalIndex + " of " + globalCount());
        }
        if (globalIndex < importedGlobals) {
            return importedGlobalTypes[globalIndex];
        }
        return globals.get(globalIndex - importedGlobals).type();
    }

    /** Appends a global and returns its global index. */
    public int addGlobal(Global global) {
        if (global == null) {
            throw new IllegalArgumentException("global is required");
        }
        globals.add(global);
        globalsChanged = true;
        return globalCount() - 1;
    }

    // ---- exports ----

    public List<Export> exports() {
        return Collections.unmodifiableList(exports);
    }

    public Optional<Export> export(String name) {
        return exports.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public void addExport(Export export) {
        if (export(export.name()).isPresent()) {
            throw new IllegalArgumentException("duplicate export name " + export.name());
        }
        exports.add(export);
        exportsChanged = true;
    }

    // ---- package-private state for the writer ----

    List<Integer> functionTypeIndices() {
        return functionTypes;
    }

    List<FunctionBody> bodies() {
        return bodies;
    }

    /** Whether a modeled section must be re-encoded rather than copied. */
    boolean isChanged(SectionId id) {
        switch (id) {
            case TYPE:
                return typesChanged;
            case IMPORT:
                return importsChanged;
            case FUNCTION:
                return functionsChanged;
            case GLOBAL:
                return globalsChanged;
            case EXPORT:
                return exportsChanged;
            case CODE:
                return codeChanged && !holdsOriginalBodies();
            default:
                return false;
        }
    }

    // ---- helpers ----

    private boolean holdsOriginalBodies() {
        if (bodies.size() != originalBodies.size()) {
            return false;
        }
        for (int i = 0; i < bodies.size(); i++) {
            if (bodies.get(i) != originalBodies.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void checkFunctionIndex(int functionIndex) {
        if (functionIndex < 0 || functionIndex >= functionCount()) {
            throw new IndexOutOfBoundsException("function " + functionIndex + " of " + functionCount());
        }
    }

    private int definedIndex(int functionIndex) {
        checkFunctionIndex(functionIndex);
        if (functionIndex < importedFunctions) {
            throw new IllegalArgumentException("function " + functionIndex + " is imported and has no body");
        }
        return functionIndex - importedFunctions;
    }
}
