package io.github.mqjssandbox.examples.evalservice.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@code POST /eval} requests from a fixed number of threads, each sending its next
 * request as soon as the previous one is answered, until a count or a deadline is reached.
 */
public final class LoadRunner {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI evalUri;
    private final ScenarioMix mix;
    private final int concurrency;
    private final HttpClient client;

    public LoadRunner(URI serverUri, ScenarioMix mix, int concurrency) {
        this.evalUri = serverUri.resolve("/eval");
        this.mix = mix;
        this.concurrency = concurrency;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Sends requests {@code first} to {@code first + count - 1} and returns when all are answered,
     * or, past {@code deadlineNanos} ({@link System#nanoTime()}), once those in flight are.
     *
     * @return false if the deadline cut the batch short
     */
    public boolean run(long first, int count, LoadStats stats, long deadlineNanos) throws InterruptedException {
        AtomicLong next = new AtomicLong(first);
        AtomicLong sent = new AtomicLong();
        long end = first + count;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> {
                long index;
                while ((index = next.getAndIncrement()) < end && System.nanoTime() - deadlineNanos < 0) {
                    send(mix.pick(index), stats);
                    sent.incrementAndGet();
                }
            }, "load-" + i);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return sent.get() == count;
    }

    private void send(Scenario scenario, LoadStats stats) {
        HttpRequest request = HttpRequest.newBuilder(evalUri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(scenario.body(), StandardCharsets.UTF_8))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long nanos = System.nanoTime() - start;
            stats.record(scenario, response.statusCode(), ResponseClassifier.classify(response.statusCode(), response.body()), nanos);
        } catch (IOException e) {
            stats.recordTransportFailure(scenario, e, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.recordTransportFailure(scenario, e, System.nanoTime() - start);
        }
    }
}
