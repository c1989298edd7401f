package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.SandboxException;
import java.io.IOException;

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

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        Outcome outcome = Outcome.SERVER_ERROR; // unless respond() gets as far as an answer
        try {
            outcome = respond(exchange);
        } catch (IOException e) {
            outcome = Outcome.CLIENT_GONE;
            throw e;
        } finally {
            metrics.record(outcome, System.nanoTime() - start);
        }
    }

    private Outcome respond(HttpExchange exchange) throws IOException {
        if (!Exchanges.requireMethod(exchange, "POST")) {
            return Outcome.METHOD_NOT_ALLOWED;
        }
        try {
            EvalRequest request = parser.parse(bodies.read(exchange));
            Evaluated evaluated = evaluate(request.code(), policy.apply(request.limits()));
            Exchanges.sendJson(exchange, 200, evaluated.json());
            return evaluated.outcome();
        } catch (BodyTooLargeException e) {
            Exchanges.sendRequestError(exchange, 413, "bodyTooLarge", e.getMessage());
            return Outcome.BODY_TOO_LARGE;
        } catch (BadRequestException e) {
            Exchanges.sendRequestError(exchange, 400, "badRequest", e.getMessage());
            return Outcome.BAD_REQUEST;
        } catch (ServiceBusyException e) {
            exchange.getResponseHeaders().set("Retry-After", retryAfterSeconds);
            Exchanges.sendRequestError(exchange, 503, "busy", e.getMessage());
            return Outcome.BUSY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
            exchange.getResponseHeaders().set("Retry-After", retryAfterSeconds);
            Exchanges.sendRequestError(exchange, 503, "busy", "the service is stopping");
            return Outcome.BUSY;
        }
    }

    private record Evaluated(ObjectNode json, Outcome outcome) {}

    /** Runs the script; the slot and the sandbox are given back before the response is written. */
    private Evaluated evaluate(String code, AppliedLimits applied)
            throws ServiceBusyException, InterruptedException, BadRequestException {
        try (SandboxPools.Loan loan = pools.borrow(applied.limits())) {
            EvalResult result = loan.eval(code, FILE_NAME);
            return new Evaluated(ResultJson.success(result, applied), Outcome.OK);
        } catch (SandboxException e) {
            return new Evaluated(ResultJson.failure(e, applied), Outcome.of(e.kind()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage()); // the library's own size check on the source
        }
    }
}
