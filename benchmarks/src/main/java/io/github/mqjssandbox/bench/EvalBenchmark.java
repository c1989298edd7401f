package io.github.mqjssandbox.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Evaluates one workload file (parse + run) per operation, in one live context per trial. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvalBenchmark {
    @Param({"SANDBOX_AOT"})
    public String subject;

    @Param({"one-plus-two"})
    public String workload;

    private JsSubject context;
    private String source;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        source = Workloads.source(workload);
        context = Subject.valueOf(subject).open();
        String expected = Workloads.expected(source);
        String actual = context.evalToString(source);
        if (!expected.equals(actual)) {
            throw new IllegalStateException(subject + " " + workload + ": expected " + expected + ", got " + actual);
        }
    }

    @Benchmark
    public Object eval() throws Exception {
        return context.eval(source);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }
}
