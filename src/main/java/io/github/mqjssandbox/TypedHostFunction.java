package io.github.mqjssandbox;

/**
 * A Java function exposed to scripts with Java types on both sides, registered with
 * {@link SandboxConfig.Builder#hostFunction(String, Class, Class, TypedHostFunction)}. The
 * script's argument is mapped to {@code A} and the returned {@code R} back to JSON by the
 * sandbox's locked-down mapper; the function never sees JSON, nor the script a Java object.
 *
 * <p>A script calls it with at most one argument; no argument (or {@code undefined}) is
 * {@code null}. Exceptions follow the {@link HostFunction} rules: a {@link HostFunctionError}'s
 * message reaches the script, any other exception only as "host function 'name' failed".
 */
@FunctionalInterface
public interface TypedHostFunction<A, R> {
    R call(A argument) throws Exception;
}
