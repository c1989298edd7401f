package io.github.mqjssandbox.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** "new sandbox": creates a fresh context of the subject and closes it again. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CreateBenchmark {
    @Param({"SANDBOX_AOT"})
    public String subject;

    @Benchmark
    public void create() throws Exception {
        try (JsSubject s = Subject.valueOf(subject).open()) {
            // nothing evaluated
        }
    }
}
