package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves every import of the module, deny by default: the Emscripten ABI
 * ({@link EmscriptenAbi}) and the sandbox's five {@code env.host_*} functions, each with
 * its exact signature. Any other import, or a known one with another signature, fails
 * instantiation with {@link ImportNotAllowedException}.
 */
final class SandboxImports {
    static final String MODULE = "env";

    private static final ValType I32 = ValType.I32;
    private static final Map<String, FunctionType> HOST_SIGNATURES =
            Map.of(
                    "host_write", FunctionType.of(List.of(I32, I32), List.of(I32)),
                    "host_poll_interrupt", FunctionType.of(List.of(), List.of(I32)),
                    "host_now_ms", FunctionType.of(List.of(), List.of(ValType.F64)),
                    "host_call", FunctionType.of(List.of(I32, I32, I32), List.of(I32)),
                    "host_take_result", FunctionType.of(List.of(I32), List.of()));
    private static final Map<String, FunctionType> ABI_SIGNATURES =
            Map.of(
                    EmscriptenAbi.THROW_LONGJMP, FunctionType.empty(),
                    EmscriptenAbi.SET_TEMP_RET0, FunctionType.of(List.of(I32), List.of()),
                    EmscriptenAbi.GET_TEMP_RET0, FunctionType.of(List.of(), List.of(I32)));

    private final EmscriptenAbi abi;
    private final HostCalls host;
    private byte[] pendingReply = new byte[0];

    SandboxImports(EmscriptenAbi abi, HostCalls host) {
        this.abi = abi;
        this.host = host;
    }

    ImportValues resolve(WasmModule module) {
        List<HostFunction> functions = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imported = module.importSection().getImport(i);
            if (imported.importType() != ExternalType.FUNCTION || !MODULE.equals(imported.module())) {
                throw new ImportNotAllowedException("import not allowed: " + describe(imported));
            }
            FunctionType type = module.typeSection().getType(((FunctionImport) imported).typeIndex());
            functions.add(new HostFunction(MODULE, imported.name(), type, handle(imported.name(), type)));
        }
        return ImportValues.builder().withFunctions(new ArrayList<>(functions)).build();
    }

    private WasmFunctionHandle handle(String name, FunctionType type) {
        if (name.startsWith(EmscriptenAbi.INVOKE_PREFIX)
                && !type.params().isEmpty()
                && I32.equals(type.params().get(0))) {
            return abi.invoke(type);
        }
        FunctionType expected = HOST_SIGNATURES.getOrDefault(name, ABI_SIGNATURES.get(name));
        if (expected == null) {
            throw new ImportNotAllowedException("import not allowed: " + MODULE + "." + name + " " + type);
        }
        if (!expected.equals(type)) {
            throw new ImportNotAllowedException(
                    "import " + MODULE + "." + name + " has signature " + type + ", expected " + expected);
        }
        switch (name) {
            case EmscriptenAbi.THROW_LONGJMP:
                return abi.throwLongjmp();
            case EmscriptenAbi.SET_TEMP_RET0:
                return abi.setTempRet0();
            case EmscriptenAbi.GET_TEMP_RET0:
                return abi.getTempRet0();
            case "host_write":
                return (instance, args) -> {
                    byte[] bytes = instance.memory().readBytes((int) args[0], (int) args[1]);
                    return new long[] {host.write(bytes) ? 0 : 1};
                };
            case "host_poll_interrupt":
                return (instance, args) -> new long[] {host.shouldInterrupt() ? 1 : 0};
            case "host_now_ms":
                return (instance, args) -> new long[] {Double.doubleToRawLongBits(host.nowMillis())};
            case "host_call":
                return (instance, args) -> new long[] {call(instance.memory(), args)};
            case "host_take_result":
                return (instance, args) -> {
                    instance.memory().write((int) args[0], pendingReply);
                    pendingReply = new byte[0];
                    return null;
                };
            default:
                throw new AssertionError(name);
        }
    }

    /** Encodes the reply length as sandbox.h says: n for success, -(n + 1) for failure. */
    private long call(Memory memory, long[] args) {
        byte[] argsJson = memory.readBytes((int) args[1], (int) args[2]);
        HostCalls.HostReply reply = host.call((int) args[0], argsJson);
        pendingReply = reply.bytes();
        int length = reply.bytes().length;
        return reply.failed() ? -(length + 1) : length;
    }

    private static String describe(Import imported) {
        return imported.module() + "." + imported.name() + " (" + imported.importType() + ")";
    }
}
