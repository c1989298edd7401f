package io.github.mqjssandbox.examples.evalservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies over the limit are 413, whether their length is declared (refused before reading) or
 * chunked (refused once past the limit). Raw sockets: an HTTP client may stop reading when the
 * server answers before taking the whole body.
 */
class BodyLimitTest {
    private static final int MAX_BODY = 4_096;
    private static EvalServer server;

    @BeforeAll
    static void start() throws Exception {
        server = EvalServer.start(ServiceSettings.builder().port(0).maxBodyBytes(MAX_BODY).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeAnyBodyIsSent() throws IOException {
        String response = exchange("POST /eval HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000000000\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 413 "), response);
        assertTrue(response.contains("\"requestError\":\"bodyTooLarge\""), response);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws IOException {
        StringBuilder request = new StringBuilder("POST /eval HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        String chunk = "x".repeat(1_000);
        for (int i = 0; i < 6; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        String response = exchange(request.toString());
        assertTrue(response.startsWith("HTTP/1.1 413 "), response);
    }

    @Test
    void aBodyJustUnderTheLimitIsEvaluated() throws IOException {
        String code = "'" + "a".repeat(MAX_BODY - 100) + "'.length";
        String body = "{\"code\": \"" + code + "\"}";
        String response = exchange("POST /eval HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(response.startsWith("HTTP/1.1 200 "), response);
        assertTrue(response.contains("\"value\":" + (MAX_BODY - 100)), response);
    }

    /** Sends the request and reads one response: its head and its Content-Length of body. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            while (!response.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                response.write(b);
            }
            String head = response.toString(StandardCharsets.US_ASCII);
            Matcher length = Pattern.compile("(?im)^content-length: *(\\d+)").matcher(head);
            if (length.find()) {
                response.write(in.readNBytes(Integer.parseInt(length.group(1))));
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
