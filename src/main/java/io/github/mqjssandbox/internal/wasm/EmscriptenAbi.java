package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.Arrays;

/**
 * The part of Emscripten's JavaScript runtime that the module needs, in Java: the
 * {@code invoke_*} trampolines of its setjmp/longjmp scheme and the tempRet0 register.
 *
 * <p>A C {@code setjmp} makes every call that might longjmp go through an
 * {@code invoke_<sig>(fn, args…)} import. The trampoline saves the wasm stack pointer,
 * calls table entry {@code fn}; a {@code longjmp} lands in {@code _emscripten_throw_longjmp},
 * which throws {@link LongjmpSignal}. The trampoline catches it, restores the stack
 * pointer, records the throw with {@code setThrew(1, 0)} and returns zero; the module's
 * own code then dispatches to the right setjmp. Anything else propagates.
 *
 * <p>One instance per wasm instance: it caches that instance's exports.
 */
final class EmscriptenAbi {
    static final String INVOKE_PREFIX = "invoke_";
    static final String THROW_LONGJMP = "_emscripten_throw_longjmp";
    static final String SET_TEMP_RET0 = "setTempRet0";
    static final String GET_TEMP_RET0 = "getTempRet0";

    private int tempRet0;
    private ExportFunction stackSave;
    private ExportFunction stackRestore;
    private ExportFunction setThrew;
    private TableInstance table;

    /** Must be called once the instance exists, before any export runs. */
    void bind(Instance instance) {
        stackSave = instance.export("stackSave");
        stackRestore = instance.export("stackRestore");
        setThrew = instance.export("setThrew");
        table = instance.table(0);
    }

    /** The C stack pointer (Emscripten's {@code __stack_pointer}), read through {@code stackSave}. */
    int stackPointer() {
        return (int) stackSave.apply()[0];
    }

    WasmFunctionHandle invoke(FunctionType type) {
        boolean returnsValue = !type.returns().isEmpty();
        long[] zero = returnsValue ? new long[type.returns().size()] : null;
        return (instance, args) -> {
            long savedStack = stackSave.apply()[0];
            Machine machine = instance.getMachine();
            UnwindGuard guard = machine instanceof UnwindGuard ? (UnwindGuard) machine : UnwindGuard.NONE;
            long mark = guard.mark();
            int function = table.requiredRef((int) args[0]);
            try {
                long[] result = machine.call(function, Arrays.copyOfRange(args, 1, args.length));
                return returnsValue ? result : null;
            } catch (LongjmpSignal signal) {
                guard.restore(mark);
                stackRestore.apply(savedStack);
                setThrew.apply(1, 0);
                return zero;
            }
        };
    }

    WasmFunctionHandle throwLongjmp() {
        return (instance, args) -> {
            throw LongjmpSignal.INSTANCE;
        };
    }

    WasmFunctionHandle setTempRet0() {
        return (instance, args) -> {
            tempRet0 = (int) args[0];
            return null;
        };
    }

    WasmFunctionHandle getTempRet0() {
        return (instance, args) -> new long[] {tempRet0};
    }
}
