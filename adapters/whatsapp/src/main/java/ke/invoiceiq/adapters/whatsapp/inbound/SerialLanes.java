package ke.invoiceiq.adapters.whatsapp.inbound;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * Work in lanes: the tasks of one lane run one after the other, in the order they were offered; different lanes run
 * side by side. A lane takes one thread for one task at a time, so a lane with a long queue does not keep a thread
 * from the others. A task marked slow (it may wait on a provider for seconds) runs on the slow executor, so it never
 * holds one of the few ordinary threads that everyone else's tasks need. At most {@code capacity} tasks are held
 * (queued or running); {@link #offer} refuses more.
 */
final class SerialLanes {

    private static final Logger LOG = Logger.getLogger(SerialLanes.class);

    /** One task, and the webhook it handles (so a shutdown can give unstarted ones back). */
    private record Entry(long webhookId, boolean slow, Runnable task) {
    }

    private final Executor ordinary;
    private final Executor slow;
    private final int capacity;
    private final Runnable onTaskDone;
    private final Map<String, Deque<Entry>> lanes = new HashMap<>();
    private int held;

    /**
     * @param onTaskDone called, outside the lock, after every task; tells a waiting producer that there is room
     */
    SerialLanes(Executor ordinary, Executor slow, int capacity, Runnable onTaskDone) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.ordinary = ordinary;
        this.slow = slow;
        this.capacity = capacity;
        this.onTaskDone = onTaskDone;
    }

    /** Queues {@code task} behind the lane's earlier tasks; false, with nothing queued, when the lanes are full. */
    boolean offer(String lane, long webhookId, boolean slowTask, Runnable task) {
        Entry entry = new Entry(webhookId, slowTask, task);
        synchronized (this) {
            if (held >= capacity) {
                return false;
            }
            held++;
            Deque<Entry> queue = lanes.get(lane);
            if (queue != null) {
                queue.addLast(entry);
                return true;
            }
            queue = new ArrayDeque<>();
            queue.addLast(entry);
            lanes.put(lane, queue);
        }
        start(lane, entry);
        return true;
    }

    int capacity() {
        return capacity;
    }

    /** How many more tasks {@link #offer} would take now. */
    synchronized int room() {
        return capacity - held;
    }

    /** The webhooks of the tasks held and not finished (a shutdown gives their leases back). */
    synchronized List<Long> unfinished() {
        List<Long> ids = new ArrayList<>();
        lanes.values().forEach(queue -> queue.forEach(e -> ids.add(e.webhookId())));
        return ids;
    }

    private void start(String lane, Entry entry) {
        try {
            (entry.slow() ? slow : ordinary).execute(() -> run(lane, entry));
        } catch (RejectedExecutionException stopped) {
            // only a shutdown refuses: the lane stops here, and its webhooks stay in the inbox for another instance
            LOG.debugf("webhook %d not started: the workers are stopping", entry.webhookId());
        }
    }

    private void run(String lane, Entry entry) {
        try {
            entry.task().run();
        } catch (RuntimeException e) {
            // a task reports its own failures; this keeps the lane moving whatever slipped through
            LOG.errorf("handling webhook %d failed unexpectedly: %s", entry.webhookId(), e.getClass().getName());
        } finally {
            finished(lane);
        }
    }

    private void finished(String lane) {
        Entry next;
        synchronized (this) {
            Deque<Entry> queue = lanes.get(lane);
            queue.removeFirst();
            held--;
            next = queue.peekFirst();
            if (next == null) {
                lanes.remove(lane);
            }
        }
        onTaskDone.run();
        if (next != null) {
            start(lane, next);
        }
    }
}
