package ke.invoiceiq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A memory cgroup (v1, /sys/fs/cgroup/memory) with a hard limit, the container limit of a 256 MB machine: what the
 * start benchmark runs the service in. Creating one needs root (or a delegated hierarchy); {@link #create} answers
 * null where that is not possible and the benchmark says so. The limit covers everything the kernel charges to the
 * group, page cache of the files the process maps included (the AOT cache, the jars), as in a container.
 */
final class StartCgroup implements AutoCloseable {

    private static final Path V1 = Path.of("/sys/fs/cgroup/memory");

    private final Path dir;
    final long limitBytes;

    private StartCgroup(Path dir, long limitBytes) {
        this.dir = dir;
        this.limitBytes = limitBytes;
    }

    /** A new group with {@code limitBytes} of memory and no swap beyond it, or null with the reason logged. */
    static StartCgroup create(long limitBytes) {
        Path dir = V1.resolve("invoiceiq-start-bench-" + ProcessHandle.current().pid());
        try {
            if (!Files.isDirectory(V1)) {
                Log.info("no cgroup v1 memory hierarchy at %s: no real memory limit", V1);
                return null;
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(limitBytes));
            Path memsw = dir.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memsw)) {
                Files.writeString(memsw, Long.toString(limitBytes));
            }
            return new StartCgroup(dir, limitBytes);
        } catch (IOException | RuntimeException e) {
            Log.info("cannot create a memory cgroup at %s (%s): no real memory limit", dir, e);
            return null;
        }
    }

    Path procs() {
        return dir.resolve("cgroup.procs");
    }

    String name() {
        return dir.toString();
    }

    /** The group's highest charge since creation (or the last {@link #resetPeak}), in MB. */
    long peakMb() throws IOException {
        return Math.round(read("memory.max_usage_in_bytes") / 1024.0 / 1024.0);
    }

    void resetPeak() throws IOException {
        Files.writeString(dir.resolve("memory.max_usage_in_bytes"), "0");
    }

    /** How often the group hit its limit (the kernel then reclaims page cache; not an error by itself). */
    long failcnt() throws IOException {
        return read("memory.failcnt");
    }

    /** Processes the kernel's OOM killer ended in this group. */
    long oomKills() throws IOException {
        for (String line : Files.readAllLines(dir.resolve("memory.oom_control"))) {
            if (line.startsWith("oom_kill ")) {
                return Long.parseLong(line.substring("oom_kill ".length()).strip());
            }
        }
        return 0;
    }

    private long read(String file) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(file)).strip());
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            Log.info("could not remove %s: %s", dir, e);
        }
    }
}
