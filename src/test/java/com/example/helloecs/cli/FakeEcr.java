package com.example.helloecs.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.example.helloecs.config.Json;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback fake of ECR's JSON protocol (operation named by the X-Amz-Target header), for what moto lacks.
 * A handler returns the JSON response body; a body with {@code "__type"} is sent as an HTTP 400 error.
 */
final class FakeEcr implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Function<Map<String, Object>, String>> handlers = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    FakeEcr() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String operation = target.substring(target.indexOf('.') + 1);
            calls.add(operation);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) Json.parse(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Function<Map<String, Object>, String> handler = handlers.get(operation);
            String response = handler == null ? "{\"__type\": \"UnknownOperationException\"}" : handler.apply(body);
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(response.contains("\"__type\"") ? 400 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    FakeEcr on(String operation, Function<Map<String, Object>, String> handler) {
        handlers.put(operation, handler);
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
