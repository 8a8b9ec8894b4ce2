package ke.invoiceiq.devrun;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged service locally: the database of {@link LaunchPlan} (an embedded PostgreSQL unless
 * {@code DATABASE_URL} or {@code QUARKUS_DATASOURCE_JDBC_URL} names one), then
 * {@code java -Dquarkus.profile=dev -jar bootstrap/target/quarkus-app/quarkus-run.jar} as a child process with
 * this process' stdio. Exits with the service's exit code.
 *
 * <p>Ctrl-C, SIGTERM and SIGHUP stop the service first (SIGTERM, then waiting for it), then PostgreSQL. They are
 * handled directly rather than only in a shutdown hook: zonky registers its own hook that stops PostgreSQL, and
 * JVM shutdown hooks run concurrently, so the database could go away under the still-running service.
 */
public final class LocalRun {

    private static final String PREFIX = "InvoiceIQ local run: ";
    private static final long SERVICE_STOP_SECONDS = 30;

    private final LaunchPlan plan;
    private final Object lock = new Object();
    private EmbeddedDatabase database; // guarded by lock
    private Process service;           // guarded by lock
    private boolean stopped;           // guarded by lock
    private volatile boolean stopRequested;

    private LocalRun(LaunchPlan plan) {
        this.plan = plan;
    }

    public static void main(String[] args) {
        Path root = repositoryRoot(Path.of("").toAbsolutePath());
        LaunchPlan plan = LaunchPlan.of(System.getenv(), root, Path.of(System.getProperty("java.home"), "bin", "java"));
        if (!Files.isRegularFile(plan.runnerJar())) {
            System.err.println(PREFIX + "no packaged service at " + plan.runnerJar()
                    + "; build it first: ./mvnw -B -ntp -DskipTests package");
            System.exit(2);
        }
        System.exit(new LocalRun(plan).run());
    }

    private int run() {
        installStopHandlers();
        OptionalInt port = OptionalInt.empty();
        synchronized (lock) {
            if (stopped) {
                return 130;
            }
            if (plan.database() instanceof LaunchPlan.Embedded embedded) {
                try {
                    database = EmbeddedDatabase.start(embedded.dataDirectory(), EmbeddedDatabase.DEFAULT_PORT,
                            embedded.dataDirectory().resolveSibling("postgres.log"));
                } catch (IOException | RuntimeException e) {
                    System.err.println(PREFIX + e.getMessage());
                    return 1;
                }
                port = OptionalInt.of(database.port());
            }
            if (!stopRequested) { // else Ctrl-C came while PostgreSQL was starting: only stop it
                System.out.println(plan.readyLine(port));
                ProcessBuilder builder = new ProcessBuilder(plan.command())
                        .directory(plan.root().toFile())
                        .inheritIO();
                builder.environment().clear();
                builder.environment().putAll(plan.childEnvironment(port));
                try {
                    service = builder.start();
                } catch (IOException e) {
                    System.err.println(PREFIX + "could not start the service: " + e.getMessage());
                }
            }
        }
        if (service != null) {
            try {
                service.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return stop();
    }

    /**
     * Stops the service (if running), then the database; idempotent, and whoever comes second waits for the
     * first to finish. Returns the service's exit code (130 if stopped before it started, 1 if it failed to).
     */
    private int stop() {
        synchronized (lock) {
            if (!stopped) {
                stopped = true;
                if (service != null && service.isAlive()) {
                    service.destroy();
                    try {
                        if (!service.waitFor(SERVICE_STOP_SECONDS, TimeUnit.SECONDS)) {
                            System.err.println(PREFIX + "the service did not stop in " + SERVICE_STOP_SECONDS
                                    + " s; killing it");
                            service.destroyForcibly().waitFor();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (database != null) {
                    database.close();
                    System.out.println(PREFIX + "PostgreSQL stopped; data kept in " + database.dataDirectory());
                }
            }
            if (service != null && !service.isAlive()) {
                return service.exitValue();
            }
            return stopRequested ? 130 : 1;
        }
    }

    private void installStopHandlers() {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            onSignal(name, () -> {
                stopRequested = true;
                System.exit(stop());
            });
        }
        // other ways out (e.g. a signal we could not handle): still stop both, though concurrently with zonky's hook
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "invoiceiq-local-run-stop"));
    }

    /**
     * {@code sun.misc.Signal.handle(new Signal(name), handler)} (module jdk.unsupported), through reflection so
     * that the build stays free of "internal proprietary API" warnings. Without it the JVM's default applies:
     * the shutdown hooks run.
     */
    private static void onSignal(String name, Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object proxy = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler},
                    (self, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> "stop handler for SIG" + name;
                    });
            signal.getMethod("handle", signal, handler)
                    .invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println(PREFIX + "cannot handle SIG" + name + " (" + e + "); relying on the shutdown hook");
        }
    }

    /** The nearest directory upwards holding bootstrap/pom.xml (the launcher may start in devrun/); else start. */
    static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bootstrap").resolve("pom.xml"))) {
                return dir;
            }
        }
        return start;
    }
}
