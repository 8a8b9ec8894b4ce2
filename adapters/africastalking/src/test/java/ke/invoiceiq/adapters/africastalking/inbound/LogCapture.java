package ke.invoiceiq.adapters.africastalking.inbound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects the formatted log lines of this module's categories while a test runs. */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger category = Logger.getLogger("ke.invoiceiq.adapters.africastalking");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Level previous;

    LogCapture() {
        previous = category.getLevel();
        category.setLevel(Level.ALL);
        category.addHandler(this);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        category.removeHandler(this);
        category.setLevel(previous);
    }
}
