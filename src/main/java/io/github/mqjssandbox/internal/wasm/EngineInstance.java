package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.internal.EngineText;
import java.util.function.Function;

/**
 * One wasm instance of mquickjs.wasm holding one JS context: the typed face of the C API
 * in wasm/src/sandbox.h. Not thread-safe; callers serialise access.
 *
 * <p>Its linear memory may never grow past the module's initial memory (static data and
 * C stack) plus the JS arena plus {@code ioReserveBytes} for source text and host
 * function payloads in flight: the wasm maximum is set per instance to that sum.
 */
public final class EngineInstance {
    private static final int PAGE = 65536;
    /** malloc's own bookkeeping and alignment on top of what is requested. */
    private static final int ALLOCATOR_SLACK = 2 * PAGE;

    private final Instance instance;
    /** What {@link #restart()} returns to; null only while a template is being made from this instance. */
    private final EngineTemplate template;
    private final FuelGauge fuel;
    private final EmscriptenAbi abi;
    /** The C stack pointer between calls: the top of the stack, which grows down towards 0. */
    private final int stackTop;
    private final Memory memory;
    private final ExportFunction alloc;
    private final ExportFunction free;
    private final ExportFunction eval;
    private final ExportFunction runBytecode;
    private final ExportFunction call;
    private final ExportFunction slotTable;
    private final ExportFunction memoryUsed;
    private final ExportFunction defineHostFunction;
    private final ExportFunction setRandomSeed;
    private final ExportFunction prepareSnapshot;
    private final ExportFunction create;
    private final int arenaBytes;

    private EngineInstance(Instance instance, EngineTemplate template, FuelGauge fuel, EmscriptenAbi abi,
            int arenaBytes) {
        this.instance = instance;
        this.template = template;
        this.fuel = fuel;
        this.arenaBytes = arenaBytes;
        this.abi = abi;
        this.stackTop = abi.stackPointer();
        this.memory = instance.memory();
        this.alloc = instance.export("sbx_alloc");
        this.free = instance.export("sbx_free");
        this.eval = instance.export("sbx_eval");
        this.runBytecode = instance.export("sbx_run_bytecode");
        this.call = instance.export("sbx_call");
        this.slotTable = instance.export("sbx_slot_table");
        this.memoryUsed = instance.export("sbx_memory_used");
        this.defineHostFunction = instance.export("sbx_define_host_function");
        this.setRandomSeed = instance.export("sbx_set_random_seed");
        this.prepareSnapshot = instance.export("sbx_prepare_snapshot");
        this.create = instance.export("sbx_create");
    }

    /**
     * Makes the {@link EngineTemplate} for these settings now if this JVM has none (loading the
     * module first if needed), so that the next {@link #create} only copies it.
     */
    public static void prepare(Engine engine, boolean metered, int arenaBytes, int ioReserveBytes, Prelude prelude,
            boolean flatMemory) {
        LoadedModule loaded = ModuleRegistry.get(engine, metered);
        if (EngineTemplate.cached(loaded, arenaBytes, ioReserveBytes, prelude) == null) {
            makeTemplate(loaded, arenaBytes, ioReserveBytes, prelude, HostCalls.NONE, flatMemory);
        }
    }

    /**
     * Makes the template for these sizes unless another thread made it meanwhile: the instance
     * made the long way becomes the template and is returned, to serve {@code host}; null if the
     * template was already there. One maker per kind: the others wait for it. It is made in the
     * memory layout the sandbox asked for, so that a JVM using one layout only ever runs the
     * engine on that one (the template itself is an image, whatever made it).
     */
    private static EngineInstance makeTemplate(LoadedModule loaded, int arenaBytes, int ioReserveBytes,
            Prelude prelude, HostCalls host, boolean flatMemory) {
        Object lock = EngineTemplate.makingLock(loaded, arenaBytes, ioReserveBytes, prelude);
        try {
            synchronized (lock) {
                if (EngineTemplate.cached(loaded, arenaBytes, ioReserveBytes, prelude) != null) {
                    return null;
                }
                EngineTemplate stored = StoredTemplate.find(loaded, arenaBytes, prelude);
                if (stored != null) { // made by the build: copied, not made again
                    EngineTemplate.keep(stored, loaded, arenaBytes, ioReserveBytes, prelude);
                    return null;
                }
                EngineInstance fresh = createFresh(loaded, arenaBytes, ioReserveBytes, prelude, host, flatMemory);
                EngineTemplate kept = EngineTemplate.captureAndKeep(fresh, loaded, arenaBytes, ioReserveBytes, prelude);
                return new EngineInstance(fresh.instance, kept, fresh.fuel, fresh.abi, arenaBytes);
            }
        } finally {
            EngineTemplate.madeWith(lock, loaded, arenaBytes, ioReserveBytes, prelude);
        }
    }

    /**
     * An instance with a new JS context: a copy-on-write copy of the {@link EngineTemplate} for
     * these sizes (made now if this JVM has none), so it costs microseconds whatever the arena.
     *
     * @throws ContextCreationException if the arena cannot be allocated within the cap
     */
    public static EngineInstance create(
            Engine engine, boolean metered, int arenaBytes, int ioReserveBytes, HostCalls host) {
        return create(engine, metered, arenaBytes, ioReserveBytes, Prelude.NONE, host, false);
    }

    /**
     * As {@link #create(Engine, boolean, int, int, HostCalls)}, with {@code prelude} already
     * evaluated in the context: it is part of the template, so it costs nothing per instance.
     *
     * @throws ContextCreationException if the arena cannot be allocated within the cap, or the
     *     prelude fails in it (a heap too small for it)
     */
    public static EngineInstance create(Engine engine, boolean metered, int arenaBytes, int ioReserveBytes,
            Prelude prelude, HostCalls host, boolean flatMemory) {
        return create(ModuleRegistry.get(engine, metered), arenaBytes, ioReserveBytes, prelude, host, flatMemory);
    }

    static EngineInstance create(LoadedModule loaded, int arenaBytes, int ioReserveBytes, HostCalls host) {
        return create(loaded, arenaBytes, ioReserveBytes, Prelude.NONE, host, false);
    }

    /** An instance from the template for these settings, on a {@link FlatMemory} if {@code flatMemory}, else a {@link PagedMemory}. */
    static EngineInstance create(LoadedModule loaded, int arenaBytes, int ioReserveBytes, Prelude prelude,
            HostCalls host, boolean flatMemory) {
        EngineTemplate template = EngineTemplate.cached(loaded, arenaBytes, ioReserveBytes, prelude);
        while (template == null) { // again only if the template was evicted as soon as it was made
            // The first of its kind in this JVM is also the sandbox's own instance (one
            // instantiation fewer on a cold start), unless another thread made it meanwhile.
            EngineInstance first = makeTemplate(loaded, arenaBytes, ioReserveBytes, prelude, host, flatMemory);
            if (first != null) {
                return first;
            }
            template = EngineTemplate.cached(loaded, arenaBytes, ioReserveBytes, prelude);
        }
        EmscriptenAbi abi = new EmscriptenAbi();
        Instance instance = newInstance(loaded, arenaBytes, ioReserveBytes, abi, host,
                SandboxMemory.startingAs(template.memory(), flatMemory));
        template.applyGlobals(instance);
        return bound(instance, template, loaded, abi, arenaBytes);
    }

    /**
     * Instantiates the module, runs its constructors, creates the JS context and evaluates the
     * prelude in it: what a template captures.
     *
     * @throws ContextCreationException if the arena cannot be allocated within the cap, or the
     *     prelude fails
     */
    static EngineInstance createFresh(
            LoadedModule loaded, int arenaBytes, int ioReserveBytes, Prelude prelude, HostCalls host) {
        return createFresh(loaded, arenaBytes, ioReserveBytes, prelude, host, false);
    }

    private static EngineInstance createFresh(LoadedModule loaded, int arenaBytes, int ioReserveBytes,
            Prelude prelude, HostCalls host, boolean flatMemory) {
        PreludeHost preludeHost = prelude.isEmpty() ? null : new PreludeHost(host);
        EngineInstance engine = instantiate(loaded, arenaBytes, ioReserveBytes,
                preludeHost == null ? host : preludeHost, flatMemory);
        long created = engine.create.apply(arenaBytes)[0];
        if (created != 0) {
            throw new ContextCreationException("cannot allocate a JS heap of " + arenaBytes + " bytes within "
                    + engine.memory.maximumPages() + " wasm pages");
        }
        if (preludeHost != null) {
            engine.evaluatePrelude(prelude, preludeHost);
        }
        return engine;
    }

    private void evaluatePrelude(Prelude prelude, PreludeHost preludeHost) {
        for (Prelude.Part part : prelude.parts()) {
            RawOutcome outcome;
            boolean timedOut = false;
            if (part.bytecode()) {
                outcome = runBytecode(part.bytes());
            } else {
                preludeHost.startScript(prelude.sourceTimeoutNanos());
                try {
                    // Its text, freed but left in memory, would otherwise be in every snapshot.
                    outcome = eval(part.bytes(), part.fileName(), true);
                } finally {
                    timedOut = preludeHost.endScript();
                }
            }
            if (outcome.status() != RawOutcome.Status.OK) {
                throw failed(part.fileName(), outcome, timedOut);
            }
        }
        // Collects what running it left behind, so the template holds only the live context.
        prepareSnapshot.apply();
    }

    private PreludeFailedException failed(String fileName, RawOutcome outcome, boolean timedOut) {
        ErrorKind kind;
        if (outcome.status() == RawOutcome.Status.SYNTAX) {
            kind = ErrorKind.SYNTAX;
        } else if (timedOut) {
            kind = ErrorKind.TIMEOUT;
        } else if (outcome.isOutOfMemory()) {
            kind = ErrorKind.MEMORY;
        } else {
            kind = ErrorKind.RUNTIME;
        }
        String error = timedOut ? "stopped by its time limit"
                : outcome.errorName() == null ? outcome.errorMessage() : outcome.errorName() + ": " + outcome.errorMessage();
        String stack = outcome.errorStack();
        String where = stack == null || stack.isBlank() ? "" : " (" + stack.strip().lines().findFirst().orElse("") + ")";
        return new PreludeFailedException(fileName, kind, outcome,
                "the preloaded script " + fileName + " failed in a JS heap of " + arenaBytes + " bytes: " + error + where);
    }

    /** Runs bytecode the build compiled; its copy stays in linear memory, where its functions live. */
    private RawOutcome runBytecode(byte[] bytecode) {
        wake();
        int buffer = (int) alloc.apply(bytecode.length)[0];
        if (buffer == 0) {
            throw new ContextCreationException("no room in the sandbox for " + bytecode.length + " bytes of bytecode");
        }
        memory.write(buffer, bytecode);
        return readOutcome((int) runBytecode.apply(buffer, bytecode.length)[0]);
    }

    Instance instance() {
        return instance;
    }

    /** The top of the C stack, which grows down towards 0: everything below it is dead between calls. */
    int stackTop() {
        return stackTop;
    }

    /**
     * Returns this instance to a fresh JS context, in microseconds: its memory becomes the
     * template's image again (its own pages are dropped) and its globals the template's. Only
     * between calls, and never after a trap: a trapped instance is replaced, not restarted.
     */
    public void restart() {
        pages().restore(template.memory());
        template.applyGlobals(instance);
    }

    /**
     * Shrinks an idle instance to its live state: collects garbage, zeroes the arena's free gap
     * and folds every page it wrote into its differences from the template
     * ({@link PagedMemory#hibernate}). The next operation thaws it first. Between calls only.
     */
    public void hibernate() {
        if (pages().hibernating()) {
            return;
        }
        fillFuel();
        prepareSnapshot.apply();
        pages().hibernate(template.memory());
    }

    public boolean hibernating() {
        return pages().hibernating();
    }

    /**
     * The JVM heap this instance's memory holds beyond what it shares with its template: its own
     * pages, or while hibernating the differences it folded them into.
     */
    public long privateMemoryBytes() {
        return (long) pages().ownedPages() * PAGE + pages().foldedBytes();
    }

    private SandboxMemory pages() {
        return (SandboxMemory) memory;
    }

    /** Every operation but {@link #hibernate} and {@link #restart} starts here. */
    private void wake() {
        pages().thaw();
    }

    /** Work the host does between scripts (garbage collection) is not a script's to pay for. */
    private void fillFuel() {
        if (fuel != null) {
            fuel.fill(Long.MAX_VALUE);
        }
    }

    /**
     * A new instance holding {@code state} (taken by {@link #captureState} from an instance of a
     * module with the same memory layout): no context is created, the state's memory is it.
     *
     * @throws ContextCreationException if the state does not fit this module or these limits
     */
    public static EngineInstance restore(
            Engine engine, boolean metered, EngineState state, int ioReserveBytes, HostCalls host) {
        return restore(ModuleRegistry.get(engine, metered), state, ioReserveBytes, host);
    }

    static EngineInstance restore(LoadedModule loaded, EngineState state, int ioReserveBytes, HostCalls host) {
        return restore(loaded, state, ioReserveBytes, Prelude.NONE, host, false);
    }

    /**
     * As {@link #restore(Engine, boolean, EngineState, int, HostCalls)}, made from the template
     * with {@code prelude}: what a reset of the restored instance returns to.
     */
    public static EngineInstance restore(Engine engine, boolean metered, EngineState state, int ioReserveBytes,
            Prelude prelude, HostCalls host, boolean flatMemory) {
        return restore(ModuleRegistry.get(engine, metered), state, ioReserveBytes, prelude, host, flatMemory);
    }

    private static EngineInstance restore(LoadedModule loaded, EngineState state, int ioReserveBytes,
            Prelude prelude, HostCalls host, boolean flatMemory) {
        EngineInstance engine = create(loaded, state.arenaBytes(), ioReserveBytes, prelude, host, flatMemory);
        Memory memory = engine.memory;
        if (state.pages() > memory.maximumPages() || state.pages() < memory.pages()) {
            throw new ContextCreationException("a state of " + state.pages() + " wasm pages does not fit between "
                    + memory.pages() + " and " + memory.maximumPages());
        }
        if (state.stackPointer() != engine.stackTop) {
            throw new ContextCreationException("the state's C stack pointer " + state.stackPointer()
                    + " is not this module's stack top " + engine.stackTop);
        }
        memory.grow(state.pages() - memory.pages());
        memory.zero(); // what the state does not list is zero, data segments included
        int[] indexes = state.blockIndexes();
        for (int i = 0; i < indexes.length; i++) {
            memory.write(indexes[i] * EngineState.BLOCK, state.blocks(), i * EngineState.BLOCK, EngineState.BLOCK);
        }
        return engine;
    }

    /** A new instance, initialised (static constructors run), with no JS context yet. */
    private static EngineInstance instantiate(
            LoadedModule loaded, int arenaBytes, int ioReserveBytes, HostCalls host, boolean flatMemory) {
        // byte[] pages (the engine's loads and stores JIT better than on ByteBuffers,
        // docs/performance.md), allocated on first write: the arena costs nothing until used
        EmscriptenAbi abi = new EmscriptenAbi();
        Instance instance = newInstance(loaded, arenaBytes, ioReserveBytes, abi, host, SandboxMemory.empty(flatMemory));
        EngineInstance engine = bound(instance, null, loaded, abi, arenaBytes);
        if (engine.fuel != null) {
            engine.fuel.fill(Long.MAX_VALUE); // setting up the context is not the script's to pay for
        }
        instance.export("_initialize").apply();
        return engine;
    }

    private static Instance newInstance(LoadedModule loaded, int arenaBytes, int ioReserveBytes, EmscriptenAbi abi,
            HostCalls host, Function<MemoryLimits, Memory> memoryFactory) {
        WasmModule module = loaded.module();
        MemoryLimits declared = module.memorySection().orElseThrow().getMemory(0).limits();
        long maxBytes = (long) declared.initialPages() * PAGE + arenaBytes + ioReserveBytes + ALLOCATOR_SLACK;
        int maxPages = (int) Math.min(MemoryLimits.MAX_PAGES, (maxBytes + PAGE - 1) / PAGE);
        return Instance.builder(module)
                .withImportValues(new SandboxImports(abi, host).resolve(module))
                .withMachineFactory(loaded.machineFactory())
                .withMemoryLimits(new MemoryLimits(declared.initialPages(), maxPages))
                .withMemoryFactory(memoryFactory)
                .withInitialize(true)
                .withStart(false)
                .build();
    }

    private static EngineInstance bound(
            Instance instance, EngineTemplate template, LoadedModule loaded, EmscriptenAbi abi, int arenaBytes) {
        abi.bind(instance);
        FuelGauge fuel = hasFuelGauge(loaded.module()) ? new FuelGauge(instance) : null;
        return new EngineInstance(instance, template, fuel, abi, arenaBytes);
    }

    /**
     * The instance's whole state, between calls: collects garbage, drops the arena's free gap
     * and keeps the memory blocks that are not all zero. The instance stays usable.
     */
    public EngineState captureState() {
        wake();
        fillFuel();
        int gap = (int) prepareSnapshot.apply()[0];
        int gapStart = memory.readInt(gap);
        int gapEnd = memory.readInt(gap + 4);
        int pages = memory.pages();
        int blockCount = pages * EngineState.BLOCKS_PER_PAGE;
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        int[] indexes = new int[blockCount];
        int stored = 0;
        for (int block = 0; block < blockCount; block++) {
            long start = (long) block * EngineState.BLOCK;
            if (start >= gapStart && start + EngineState.BLOCK <= gapEnd) {
                continue; // inside the zeroed gap
            }
            byte[] bytes = memory.readBytes((int) start, EngineState.BLOCK);
            if (!allZero(bytes)) {
                indexes[stored++] = block;
                data.writeBytes(bytes);
            }
        }
        return new EngineState(arenaBytes, abi.stackPointer(), pages, java.util.Arrays.copyOf(indexes, stored),
                data.toByteArray());
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * After a trap: whether the C stack had overflowed. The module is linked stack-first (the stack
     * sits below the static data and grows towards 0), so an overflow moves the stack pointer below
     * 0, which wraps to an address above the stack's top, and the next store to it traps.
     */
    public boolean cStackOverflowed() {
        try {
            return Integer.compareUnsigned(abi.stackPointer(), stackTop) > 0;
        } catch (RuntimeException unreadable) {
            return false; // the crash is described by what it was, then
        }
    }

    private static boolean hasFuelGauge(WasmModule module) {
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            if (FuelGauge.FUEL_LEFT.equals(module.exportSection().getExport(i).name())) {
                return true;
            }
        }
        return false;
    }

    /** The fuel counter, for a metered instance; {@code null} otherwise. */
    public FuelGauge fuel() {
        return fuel;
    }

    /** The memory cap of the instance, in bytes. */
    public long memoryCapBytes() {
        return (long) memory.maximumPages() * PAGE;
    }

    public long memoryBytes() {
        return (long) memory.pages() * PAGE;
    }

    public void setRandomSeed(long seed) {
        wake();
        setRandomSeed.apply(seed);
    }

    public RawOutcome eval(byte[] sourceUtf8, String fileName) {
        return eval(sourceUtf8, fileName, false);
    }

    /** With {@code wipeSource}, the copy of the source is zeroed before it is freed. */
    private RawOutcome eval(byte[] sourceUtf8, String fileName, boolean wipeSource) {
        wake();
        int source = copyIn(sourceUtf8);
        int name = copyIn(EngineText.encode(fileName));
        try {
            int status = (int) eval.apply(source, sourceUtf8.length, name)[0];
            return readOutcome(status);
        } finally {
            free.apply(name);
            if (wipeSource) {
                memory.fill((byte) 0, source, source + sourceUtf8.length + 1);
            }
            free.apply(source);
        }
    }

    public RawOutcome call(String functionName, byte[] argsJsonUtf8) {
        wake();
        int name = copyIn(EngineText.encode(functionName));
        int args = copyIn(argsJsonUtf8);
        try {
            int status = (int) call.apply(name, args, argsJsonUtf8.length)[0];
            return readOutcome(status);
        } finally {
            free.apply(args);
            free.apply(name);
        }
    }

    public void defineHostFunction(String name, int id) {
        wake();
        int namePtr = copyIn(EngineText.encode(name));
        try {
            long status = defineHostFunction.apply(namePtr, id)[0];
            if (status != 0) {
                throw new ContextCreationException("cannot define host function " + name);
            }
        } finally {
            free.apply(namePtr);
        }
    }

    /** Bytes of the JS arena in use: live and not yet collected objects plus the JS stack. */
    public int memoryUsed() {
        wake();
        return (int) memoryUsed.apply()[0];
    }

    /** Copies bytes into a fresh NUL-terminated buffer in linear memory. */
    private int copyIn(byte[] bytes) {
        int ptr = (int) alloc.apply(bytes.length + 1)[0];
        if (ptr == 0) {
            throw new ContextCreationException(
                    "no room in the sandbox for " + bytes.length + " bytes of input");
        }
        memory.write(ptr, bytes);
        memory.writeByte(ptr + bytes.length, (byte) 0);
        return ptr;
    }

    private RawOutcome readOutcome(int status) {
        int table = (int) slotTable.apply()[0];
        byte[][] slots = new byte[RawOutcome.SLOT_COUNT][];
        for (int i = 0; i < slots.length; i++) {
            int ptr = memory.readInt(table + 8 * i);
            int length = memory.readInt(table + 8 * i + 4);
            slots[i] = ptr == 0 ? null : memory.readBytes(ptr, length);
        }
        return RawOutcome.of(status, slots);
    }
}
