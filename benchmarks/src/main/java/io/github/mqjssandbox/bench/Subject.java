package io.github.mqjssandbox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.roastedroot.quickjs4j.core.Runner;
import java.time.Duration;
import javax.script.ScriptEngine;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.Scriptable;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/** The engines measured. {@link #open()} makes a fresh context; "new sandbox" times open+close. */
public enum Subject {
    SANDBOX_AOT("mquickjs-sandbox AOT", true) {
        @Override public JsSubject open() { return new SandboxSubject(io.github.mqjssandbox.Engine.AOT, 0); }
    },
    /** SandboxConfig.flatMemory: the memory in one array instead of pages made on first write. */
    SANDBOX_AOT_FLAT("mquickjs-sandbox AOT, flat memory", true) {
        @Override public JsSubject open() { return new SandboxSubject(io.github.mqjssandbox.Engine.AOT, 0, true); }
    },
    /** The fuel-metered module (used whenever a fuel limit is set), with a limit never reached. */
    SANDBOX_AOT_METERED("mquickjs-sandbox AOT with a fuel limit", true) {
        @Override public JsSubject open() {
            return new SandboxSubject(io.github.mqjssandbox.Engine.AOT, SandboxConfig.MAX_FUEL_LIMIT);
        }
    },
    SANDBOX_COMPILER("mquickjs-sandbox COMPILER", true) {
        @Override public JsSubject open() { return new SandboxSubject(io.github.mqjssandbox.Engine.COMPILER, 0); }
    },
    SANDBOX_INTERPRETER("mquickjs-sandbox INTERPRETER", true) {
        @Override public JsSubject open() { return new SandboxSubject(io.github.mqjssandbox.Engine.INTERPRETER, 0); }
    },
    QUICKJS4J("quickjs4j (QuickJS on Chicory)", true) {
        @Override public JsSubject open() { return new QuickJs4jSubject(); }
    },
    RHINO_INTERPRETED("Rhino interpreted", false) {
        @Override public JsSubject open() { return new RhinoSubject(-1); }
    },
    RHINO_COMPILED("Rhino compiled", false) {
        @Override public JsSubject open() { return new RhinoSubject(9); }
    },
    NASHORN("Nashorn", false) {
        @Override public JsSubject open() { return new NashornSubject(); }
    },
    GRAALJS("GraalJS (no Graal compiler)", false) {
        @Override public JsSubject open() { return new GraalJsSubject(); }
    };

    public final String label;
    /** Whether the subject isolates the script from the JVM (wasm sandbox) rather than being a ceiling. */
    public final boolean sandboxed;

    Subject(String label, boolean sandboxed) {
        this.label = label;
        this.sandboxed = sandboxed;
    }

    public abstract JsSubject open() throws Exception;

    // ---- mquickjs-sandbox ----
    static final class SandboxSubject implements JsSubject {
        private final Sandbox sandbox;

        /** @param fuelLimit 0 for none (the plain module) */
        SandboxSubject(io.github.mqjssandbox.Engine engine, long fuelLimit) {
            this(engine, fuelLimit, false);
        }

        SandboxSubject(io.github.mqjssandbox.Engine engine, long fuelLimit, boolean flatMemory) {
            sandbox = Sandbox.create(SandboxConfig.builder()
                    .engine(engine)
                    .timeout(Duration.ZERO)
                    .memoryLimitBytes(64 << 20)
                    .fuelLimit(fuelLimit)
                    .flatMemory(flatMemory)
                    .build());
        }

        @Override public Object eval(String source) {
            return sandbox.eval(source);
        }

        @Override public String evalToString(String source) {
            EvalResult r = sandbox.eval(source);
            JsonNode v = r.value();
            return v != null && v.isNumber() ? Workloads.normalize(v.numberValue()) : r.display();
        }

        @Override public void close() {
            sandbox.close();
        }
    }

    // ---- quickjs4j: QuickJS (via Javy) compiled to wasm, run by a Chicory build-time-compiled machine ----
    static final class QuickJs4jSubject implements JsSubject {
        private final Runner runner = Runner.builder().build();

        /** quickjs4j runs scripts for their effects: the completion value is not returned. */
        @Override public Object eval(String source) {
            runner.compileAndExec(source);
            return runner;
        }

        @Override public String evalToString(String source) {
            String quoted = source.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
            runner.compileAndExec("console.log(String((0, eval)(\"" + quoted + "\")));");
            String[] lines = runner.stdout().trim().split("\n");
            return lines[lines.length - 1].trim();
        }

        @Override public void close() {
            runner.close();
        }
    }

    // ---- Rhino, interpreted (optimization level -1) or compiled to JVM bytecode (level 9) ----
    static final class RhinoSubject implements JsSubject {
        private final ContextFactory factory;
        private final Scriptable scope;

        @SuppressWarnings("deprecation")
        RhinoSubject(int optimizationLevel) {
            factory = new ContextFactory() {
                @Override protected void onContextCreated(org.mozilla.javascript.Context cx) {
                    super.onContextCreated(cx);
                    cx.setOptimizationLevel(optimizationLevel);
                    cx.setLanguageVersion(org.mozilla.javascript.Context.VERSION_ES6);
                }
            };
            scope = factory.call(cx -> cx.initStandardObjects());
        }

        @Override public Object eval(String source) {
            return factory.call(cx -> cx.evaluateString(scope, source, "workload.js", 1, null));
        }

        @Override public void close() {}
    }

    // ---- Nashorn (standalone nashorn-core), compiles to JVM bytecode ----
    static final class NashornSubject implements JsSubject {
        private static final NashornScriptEngineFactory FACTORY = new NashornScriptEngineFactory();
        private final ScriptEngine engine = FACTORY.getScriptEngine("--language=es5");

        @Override public Object eval(String source) throws Exception {
            return engine.eval(source);
        }

        @Override public void close() {}
    }

    // ---- GraalJS community on the stock JDK: Truffle without the Graal compiler (interpreter only) ----
    static final class GraalJsSubject implements JsSubject {
        private static Engine engine;
        private final Context context;
        private Source lastSource;
        private String lastText;

        static synchronized Engine engine() {
            if (engine == null) {
                engine = Engine.newBuilder("js")
                        .option("engine.WarnInterpreterOnly", "false")
                        .build();
            }
            return engine;
        }

        GraalJsSubject() {
            context = Context.newBuilder("js").engine(engine()).build();
            context.initialize("js");
        }

        @Override public Object eval(String source) {
            if (!source.equals(lastText)) {
                lastSource = Source.create("js", source);
                lastText = source;
            }
            return context.eval(lastSource);
        }

        @Override public String evalToString(String source) {
            Value v = (Value) eval(source);
            return v.isNumber() ? Workloads.normalize(v.asDouble()) : v.toString();
        }

        @Override public void close() {
            context.close();
        }
    }
}
