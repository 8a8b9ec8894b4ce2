package ke.invoiceiq.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged service ({@code java -jar quarkus-run.jar}: the prod profile), a child process with
 * exactly the environment given, its output in {@code <logDir>/<name>-<incarnation>.log}.
 */
final class ServiceInstance {

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    /** Quarkus' management interface (/q/health, /q/metrics): a port of its own, free like the HTTP one. */
    final int managementPort;
    private final Path app;
    private final Path logDir;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private Process process;
    private int incarnation;
    private final List<Path> logs = new java.util.ArrayList<>();

    ServiceInstance(String name, Path app, Path logDir, Map<String, String> env, List<String> jvmOptions)
            throws IOException {
        this.name = name;
        this.app = app;
        this.logDir = logDir;
        this.port = freePort();
        this.env = new LinkedHashMap<>(env);
        this.env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        this.managementPort = freePort();
        this.env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    List<Path> logs() {
        return List.copyOf(logs);
    }

    synchronized void start() throws IOException {
        incarnation++;
        Path log = logDir.resolve(name + "-" + incarnation + ".log");
        Files.createDirectories(logDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(app.resolve("quarkus-run.jar").toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", System.getProperty("user.home"));
        pb.environment().putAll(env);
        process = pb.start();
        logs.add(log);
        Log.info("instance %s (#%d) started: pid %d, port %d, log %s", name, incarnation, process.pid(), port, log);
    }

    /**
     * Polls {@code /q/health/ready} on the management port until 200; false when the process died or {@code wait}
     * passed.
     */
    boolean awaitReady(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
                HttpResponse<Void> r = PROBE.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no drain, nothing flushed; what the process held in memory is gone. */
    synchronized void sigkill() throws IOException, InterruptedException {
        long pid = process.pid();
        Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -KILL " + pid + " failed");
        }
        process.waitFor(30, TimeUnit.SECONDS);
        Log.info("instance %s (#%d, pid %d) killed with SIGKILL; exit status %d", name, incarnation, pid,
                process.exitValue());
    }

    /** SIGTERM, then SIGKILL after 40 s. */
    synchronized void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
