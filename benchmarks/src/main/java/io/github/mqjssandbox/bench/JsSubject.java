package io.github.mqjssandbox.bench;

/** One live JS context of one engine. */
public interface JsSubject extends AutoCloseable {
    /** Evaluates a script (parse + run) in this context; the result is returned so JMH consumes it. */
    Object eval(String source) throws Exception;

    /** Evaluates a script and returns its completion value as text, to check the workload's answer. */
    default String evalToString(String source) throws Exception {
        return Workloads.normalize(eval(source));
    }

    @Override
    void close();
}
