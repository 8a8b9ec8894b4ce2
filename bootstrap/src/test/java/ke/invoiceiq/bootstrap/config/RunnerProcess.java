package ke.invoiceiq.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a child process: the same java as the
 * test, a free HTTP port and a free management port, and an environment that holds only what the test gives it. Its
 * output goes to a file under {@code target/it-logs}, kept for diagnosis. Close it (try-with-resources) to kill it.
 */
final class RunnerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int managementPort;

    private RunnerProcess(Process process, Path log, int managementPort) {
        this.process = process;
        this.log = log;
        this.managementPort = managementPort;
    }

    /**
     * Starts the runner jar.
     *
     * @param name        names the log file
     * @param environment the child's whole environment
     */
    static RunnerProcess start(String name, Map<String, String> environment) throws IOException {
        Path appDir = Path.of(System.getProperty("invoiceiq.packaged-app.dir", "target/quarkus-app"));
        Path jar = appDir.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run these tests with `mvn verify`, after package");
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int port = freePort();
        int managementPort = freePort();
        Path logDir = Path.of("target", "it-logs");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");

        List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(appDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new RunnerProcess(builder.start(), log, managementPort);
    }

    /** Waits for the process to end; the exit code, or fails when it is still running after the timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the application was still running after " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /**
     * Polls {@code /q/health/ready} on the management port until it answers 200; fails when the process ends first
     * or the timeout passes.
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        HttpRequest request = HttpRequest.newBuilder(ready)
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue()
                        + " before it was ready; output:\n" + output());
            }
            try {
                lastStatus = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready after " + timeout + " (last status " + lastStatus + "); output:\n"
                + output());
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process (and anything it started) and waits for it to end. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
