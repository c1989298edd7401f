package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.SandboxException;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /eval}. Whatever the script does (a syntax error, a throw, any limit, even a
 * sandbox fault) is a 200 carrying the typed error kind: it is a result, not a server failure.
 * Only the request itself can be refused: 400 malformed, 413 too large, 503 no slot in time.
 */
final class EvalHandler implements HttpHandler {
    private static final String FILE_NAME = "<eval>";

    private final RequestBodyReader bodies;
    private final EvalRequestParser parser;
    private final LimitPolicy policy;
    private final SandboxPools pools;
    private final ServiceMetrics metrics;
    private final String retryAfterSeconds;

    EvalHandler(RequestBodyReader bodies, LimitPolicy policy, SandboxPools pools, ServiceMetrics metrics,
            long retryAfterSeconds) {
        this.bodies = bodies;
        this.parser = new EvalRequestParser();
        this.policy = policy;
        this.pools = pools;
        this.metrics = metrics;
        this.retryAfterSeconds = Long.toString(retryAfterSeconds);
    }

    /** What to answer, decided before anything is written. */
    private record Reply(Outcome outcome, int status, ObjectNode json, Map<String, String> headers) {
        static Reply of(Outcome outcome, int status, ObjectNode json) {
            return new Reply(outcome, status, json, Map.of());
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        Reply reply;
        try {
            reply = decide(exchange);
        } catch (IOException e) {
            metrics.record(Outcome.CLIENT_GONE, System.nanoTime() - start);
            throw e;
        } catch (RuntimeException | Error e) {
            metrics.record(Outcome.SERVER_ERROR, System.nanoTime() - start); // GuardedHandler answers the 500
            throw e;
        }
        // counted before it is sent: a client that has its answer finds it in /metrics
        metrics.record(reply.outcome(), System.nanoTime() - start);
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        Exchanges.sendJson(exchange, reply.status(), reply.json());
    }

    private Reply decide(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return new Reply(Outcome.METHOD_NOT_ALLOWED, 405,
                    Exchanges.requestError("methodNotAllowed", "use POST for /eval"), Map.of("Allow", "POST"));
        }
        try {
            EvalRequest request = parser.parse(bodies.read(exchange));
            return evaluate(request.code(), policy.apply(request.limits()));
        } catch (BodyTooLargeException e) {
            return Reply.of(Outcome.BODY_TOO_LARGE, 413, Exchanges.requestError("bodyTooLarge", e.getMessage()));
        } catch (BadRequestException e) {
            return Reply.of(Outcome.BAD_REQUEST, 400, Exchanges.requestError("badRequest", e.getMessage()));
        } catch (ServiceBusyException e) {
            return busy(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
            return busy("the service is stopping");
        }
    }

    private Reply busy(String message) {
        return new Reply(Outcome.BUSY, 503, Exchanges.requestError("busy", message), Map.of("Retry-After", retryAfterSeconds));
    }

    /**
     * Borrows a sandbox and runs the script; the slot and the sandbox are given back before the
     * response is written. A sandbox that cannot even be made is the service's failure (a 500),
     * not the script's.
     */
    private Reply evaluate(String code, AppliedLimits applied)
            throws ServiceBusyException, InterruptedException, BadRequestException {
        try (SandboxPools.Loan loan = pools.borrow(applied.limits())) {
            return run(loan, code, applied);
        }
    }

    private static Reply run(SandboxPools.Loan loan, String code, AppliedLimits applied) throws BadRequestException {
        try {
            EvalResult result = loan.eval(code, FILE_NAME);
            return Reply.of(Outcome.OK, 200, ResultJson.success(result, applied));
        } catch (SandboxException e) {
            return Reply.of(Outcome.of(e.kind()), 200, ResultJson.failure(e, applied));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage()); // the library's own size check on the source
        }
    }
}
