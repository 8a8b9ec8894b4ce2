package ke.invoiceiq.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Timestamped lines on stdout: what the harness does, as it does it. */
final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {
    }

    static synchronized void info(String format, Object... args) {
        System.out.println("[" + LocalTime.now().format(TIME) + "] " + String.format(format, args));
        System.out.flush();
    }
}
