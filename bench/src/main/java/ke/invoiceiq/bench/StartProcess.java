package ke.invoiceiq.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One launch of the packaged service for the start benchmark: {@code java @<jvm-options> [-XX:AOTCache=...] -jar
 * <app>/quarkus-run.jar}, exactly as the JVM image starts it (src/main/docker/Dockerfile.jvm), optionally inside a
 * memory cgroup ({@link StartCgroup}) that it joins before the JVM starts, so the JVM sizes itself for the limit as it
 * does in a container. Ready time is counted from just before the process is created to the first 200 of
 * {@code /q/health/ready} (polled every 20 ms: the target is 1.5 s, the soak's 250 ms poll would blur it).
 */
final class StartProcess {

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final long CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux x86-64 and arm64

    final int port;
    final int managementPort;
    final Path log;
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> env;
    private Process process;
    private long launchedAt;

    StartProcess(Path app, Path jvmOptions, boolean aotCache, StartCgroup cgroup, List<String> extraJvm,
            Map<String, String> env, Path log) throws IOException {
        this.port = ServiceInstance.freePort();
        this.managementPort = ServiceInstance.freePort();
        this.log = log;
        this.env = new HashMap<>(env);
        this.env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        this.env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        if (cgroup != null) {
            // the shell joins the cgroup, then becomes the JVM (same pid): the JVM reads its limit from the start
            command.addAll(List.of("sh", "-c", "echo $$ > '" + cgroup.procs() + "' && exec \"$0\" \"$@\""));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + jvmOptions);
        if (aotCache) {
            command.add("-XX:AOTCache=" + app.resolve("app.aot"));
        }
        command.addAll(extraJvm);
        command.add("-jar");
        command.add(app.resolve("quarkus-run.jar").toString());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String commandLine() {
        return String.join(" ", command);
    }

    void start() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", System.getProperty("user.home"));
        pb.environment().putAll(env);
        launchedAt = System.nanoTime();
        process = pb.start();
    }

    /** Milliseconds from launch to the first 200 of /q/health/ready; -1 when the process died or {@code wait} passed. */
    long awaitReady(Duration wait) throws InterruptedException {
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        long deadline = launchedAt + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return -1;
            }
            try {
                HttpResponse<Void> r = PROBE.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - launchedAt) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        return -1;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** CPU time (user + system) the process has used so far, in milliseconds. */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command: state is [0], utime [11], stime [12]
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * CLOCK_TICK_MS;
    }

    /** A field of /proc/<pid>/status in MB (VmRSS, VmHWM, RssAnon, RssFile). */
    long statusMb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
            }
        }
        return -1;
    }

    /** SIGTERM, as a platform stops a machine; SIGKILL after 40 s. The exit status. */
    int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }
}
