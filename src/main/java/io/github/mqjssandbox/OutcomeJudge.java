package io.github.mqjssandbox;

import io.github.mqjssandbox.internal.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.mqjssandbox.internal.wasm.RawOutcome;

/**
 * Turns what the engine reported (and what the host asked of it) into a result or the one
 * exception that describes the failure. A limit the host enforced wins over whatever the
 * script appeared to do afterwards.
 */
final class OutcomeJudge {
    private final SandboxConfig config;
    private final SandboxHost host;
    private final FuelBudget fuelBudget;

    OutcomeJudge(SandboxConfig config, SandboxHost host, FuelBudget fuelBudget) {
        this.config = config;
        this.host = host;
        this.fuelBudget = fuelBudget;
    }

    /** The result of an evaluation that returned, or the exception that describes its failure. */
    EvalResult completed(Attempt attempt, String fileName) {
        RawOutcome raw = attempt.outcome();
        String output = host.output();
        StopReason stop = host.stopReason();
        if (stop == null && fuelBudget.exceededBy(attempt.fuelUsed())) {
            stop = StopReason.FUEL; // the script ended between two polls, but past its budget
        }
        if (stop == StopReason.CANCELLED) {
            throw new EvaluationCancelledException(false, output, null);
        }
        if (stop != null) {
            throw limitException(stop, attempt, false, null);
        }
        switch (raw.status()) {
            case OK: {
                JsonNode value = parseValue(raw.valueJson(), output);
                boolean tooDeep = value == null && raw.valueJson() != null;
                return new EvalResult(value, tooDeep, raw.display(), output,
                        attempt.evalNanos(), attempt.memoryUsed(), attempt.fuelUsed());
            }
            case SYNTAX:
                if (raw.isOutOfMemory() || parserStarved(raw, attempt)) {
                    throw new MemoryLimitException(config.memoryLimitBytes(), raw.errorMessage(), false, output, null);
                }
                throw new JsException(ErrorKind.SYNTAX, details(raw, fileName), output, null);
            case THROWN:
            case UNCATCHABLE:
                throw thrown(raw, fileName, output);
            default:
                throw new SandboxInternalException("the sandbox has no JS context", output, null);
        }
    }

    private SandboxException thrown(RawOutcome raw, String fileName, String output) {
        JsErrorDetails details = details(raw, fileName);
        if (raw.isOutOfMemory()) {
            return new MemoryLimitException(config.memoryLimitBytes(), raw.errorMessage(), false, output, null);
        }
        if (raw.status() == RawOutcome.Status.UNCATCHABLE) {
            return new SandboxInternalException("the engine stopped the script: " + details.describe(), output, null);
        }
        SandboxHost.HostFailure failure = host.lastHostFailure();
        if (failure != null && "Error".equals(raw.errorName())
                && failure.messageForScript().equals(raw.errorMessage())) {
            return new HostFunctionException(failure.functionName(), details, output, failure.cause());
        }
        return new JsException(ErrorKind.RUNTIME, details, output, null);
    }

    /**
     * The parser keeps its state on the JS stack, which shares the arena with the heap: when a
     * script's globals hold nearly all of it, the next source fails to parse with "stack
     * overflow". That is the memory limit, not the source's nesting (which leaves the heap free
     * once the parser gives up).
     */
    private boolean parserStarved(RawOutcome raw, Attempt attempt) {
        return "stack overflow".equals(raw.errorMessage())
                && config.memoryLimitBytes() - attempt.memoryUsed() < STARVED_PARSER_FREE_BYTES;
    }

    /** Less free arena than this after a parse failed for stack: the heap, not the nesting, is why. */
    private static final int STARVED_PARSER_FREE_BYTES = 8 << 10;

    private static JsErrorDetails details(RawOutcome raw, String fileName) {
        return JsErrorDetails.of(raw.errorName(), raw.errorMessage(), raw.errorStack(), fileName);
    }

    /** The exception for an evaluation that crashed (the instance has been replaced). */
    EvalResult crashed(Attempt attempt) {
        Throwable crash = attempt.crash();
        StopReason stop = attempt.fuelTrapped() ? StopReason.FUEL : host.stopReason();
        if (stop == StopReason.CANCELLED) {
            throw new EvaluationCancelledException(true, host.output(), crash);
        }
        if (stop != null) {
            throw limitException(stop, attempt, true, crash);
        }
        if (causedByStackExhaustion(crash)) {
            throw new SandboxInternalException(
                    "the engine exhausted the JVM stack; the sandbox was reset", host.output(), crash);
        }
        if (attempt.cStackOverflow()) {
            throw new SandboxInternalException(
                    "the engine overflowed its C stack; the sandbox was reset", host.output(), crash);
        }
        throw new SandboxInternalException(
                "the engine failed (" + crash.getClass().getSimpleName() + ": " + crash.getMessage()
                        + "); the sandbox was reset", host.output(), crash);
    }

    /** Chicory may wrap what a host call threw, and its interpreter reports a JVM overflow in its own words. */
    private static boolean causedByStackExhaustion(Throwable crash) {
        for (Throwable t = crash; t != null; t = t.getCause()) {
            if (t instanceof StackOverflowError || String.valueOf(t.getMessage()).contains("call stack exhausted")) {
                return true;
            }
        }
        return false;
    }

    private LimitExceededException limitException(StopReason stop, Attempt attempt, boolean reset, Throwable cause) {
        switch (stop) {
            case TIMEOUT:
                return new ScriptTimeoutException(config.timeout().toMillis(), reset, host.output(), cause);
            case OUTPUT:
                return new OutputLimitException(config.maxOutputBytes(), host.output());
            case FUEL:
                return new FuelExhaustedException(config.fuelLimit(), attempt.fuelUsed(), reset, host.output(), cause);
            default:
                throw new IllegalStateException("unhandled stop " + stop);
        }
    }

    /**
     * The node of a result that is a small integer, a boolean or null, as the parser would make
     * it, or null for anything else: these common results need no parser, which keeps Jackson's
     * parser out of a cold start that only wants {@code 1+2}.
     */
    static JsonNode simpleScalar(String json) {
        switch (json) {
            case "true":
                return BooleanNode.TRUE;
            case "false":
                return BooleanNode.FALSE;
            case "null":
                return NullNode.getInstance();
            default:
                break;
        }
        int length = json.length();
        int start = length > 1 && json.charAt(0) == '-' ? 1 : 0;
        if (length - start < 1 || length - start > 9 || (json.charAt(start) == '0' && length - start > 1)) {
            return null; // empty, possibly beyond int, or a leading zero (not JSON): the parser decides
        }
        for (int i = start; i < length; i++) {
            char c = json.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return IntNode.valueOf(Integer.parseInt(json));
    }

    /**
     * Reads the result on the calling thread. A script decides how deep its result nests (up
     * to the reader's bound), and reading that deep takes a few hundred KiB of stack: a caller
     * with less gets a typed error, never the StackOverflowError itself.
     */
    private static JsonNode parseValue(String json, String output) {
        if (json == null) {
            return null;
        }
        JsonNode scalar = simpleScalar(json);
        if (scalar != null) {
            return scalar;
        }
        try {
            return JsonTrees.parse(json);
        } catch (JsonProcessingException tooDeep) {
            // JSON.stringify output is valid JSON; only our depth bound can refuse it.
            return null;
        } catch (StackOverflowError smallStack) {
            throw new SandboxInternalException("the calling thread's stack is too small to read the result"
                    + " (it may nest " + JsonTrees.MAX_NESTING_DEPTH + " deep); the sandbox is unaffected",
                    output, smallStack);
        }
    }

}
