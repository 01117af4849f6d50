package com.example.helloecs.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;

/**
 * moto_server (local AWS API emulator) on a free loopback port. Absent moto, tests are skipped, unless
 * REQUIRE_MOTO=1 (environment or system property), as in .ci/run, where absence fails them.
 */
final class MotoServer implements AutoCloseable {
    private final Process process;
    final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static MotoServer start() throws Exception {
        String executable = find();
        boolean required = "1".equals(System.getenv("REQUIRE_MOTO")) || "1".equals(System.getProperty("REQUIRE_MOTO"));
        if (executable == null) {
            if (required) {
                throw new AssertionError("moto_server not found on PATH or in ~/.pyenv/shims, and REQUIRE_MOTO=1");
            }
            Assumptions.assumeTrue(false, "moto_server not installed: SDK tests skipped");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() > 0) {
                    return new MotoServer(process, endpoint);
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("moto_server did not start on port " + port);
    }

    private static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        Path shim = Path.of(System.getProperty("user.home"), ".pyenv", "shims", "moto_server");
        return Files.isExecutable(shim) ? shim.toString() : null;
    }

    /** Sets the result moto returns from DescribeImageScanFindings (moto's static scan-finding-results API). */
    void scanFindings(String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/static/ecr/scan-finding-results")
                .toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.getOutputStream().write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (c.getResponseCode() != 201 && c.getResponseCode() != 200) {
            throw new IOException("moto refused scan findings: HTTP " + c.getResponseCode());
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
