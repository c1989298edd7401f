package io.github.mqjssandbox.nativecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.fasterxml.jackson.databind.node.IntNode;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.FuelExhaustedException;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.ScriptTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AOT engine (the default) defines no class at run time: its sandboxes are created and
 * run under a Security Manager that refuses {@code createClassLoader} (and native libraries)
 * to all but the JDK, and nothing asks. Chicory's run-time compiler, which does define
 * classes, is refused under the same policy: the check can fail.
 */
class NoClassLoaderTest {

    /** A module with one empty function {@code f}: the smallest thing Chicory's compiler compiles. */
    private static final byte[] TINY_MODULE = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
        0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, // export "f" = function 0
        0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b, // code section: no locals, end
    };

    @BeforeEach
    void securityManagerAvailable() {
        assumeTrue(NoNativePolicy.unavailable().isEmpty(), () -> NoNativePolicy.unavailable().get());
    }

    @Test
    void aotSandboxesAreCreatedAndRunWithoutAClassLoader() {
        NoNativePolicy policy = new NoNativePolicy();
        policy.enforceDuring(() -> {
            SandboxConfig.Builder config = SandboxConfig.builder()
                    .engine(Engine.AOT)
                    .timeout(Duration.ofMillis(300))
                    .hostFunction("twice", args -> IntNode.valueOf(args.get(0).asInt() * 2));
            try (Sandbox sandbox = Sandbox.create(config.build())) {
                assertEquals(IntNode.valueOf(84), sandbox.eval("twice(21) * 2").value());
                sandbox.eval("function add(a, b) { return a + b; }");
                assertEquals(IntNode.valueOf(5), sandbox.call("add", IntNode.valueOf(2), IntNode.valueOf(3)).value());
                assertEquals("TypeError", assertThrows(JsException.class, () -> sandbox.eval("null.x")).name());
                assertThrows(ScriptTimeoutException.class, () -> sandbox.eval("for (;;) {}"));
                assertEquals("[1,4,9]", sandbox.eval("JSON.stringify([1, 2, 3].map(function (x) { return x * x; }))").display());
            }
            try (Sandbox metered = Sandbox.create(config.fuelLimit(100_000).evaluateOnCallerThread(true).build())) {
                assertEquals(IntNode.valueOf(3), metered.eval("1 + 2").value());
                assertThrows(FuelExhaustedException.class, () -> metered.eval("for (;;) {}"));
            }
        });
        assertEquals(List.of(), policy.refusals());
    }

    @Test
    void chicorysRunTimeCompilerDoesNeedOne() {
        WasmModule module = Parser.parse(TINY_MODULE);
        NoNativePolicy policy = new NoNativePolicy();
        policy.enforceDuring(() -> assertThrows(SecurityException.class, () -> MachineFactoryCompiler.compile(module)));
        List<String> refusals = policy.refusals();
        assertEquals(1, refusals.size(), refusals.toString());
        assertEquals("createClassLoader asked by com.dylibso.chicory.compiler.internal.WasmClassLoader.<init>", refusals.get(0));

        // without the Security Manager the same compilation works: the policy made the difference
        Instance instance = Instance.builder(module).withMachineFactory(MachineFactoryCompiler.compile(module)).build();
        instance.export("f").apply();
    }
}
