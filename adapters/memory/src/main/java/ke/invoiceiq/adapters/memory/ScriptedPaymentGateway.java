package ke.invoiceiq.adapters.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkQueryResponse;

/**
 * An M-PESA stand-in. The n-th push is accepted as {@code mr-<n>} / {@code ws_CO_<prefix><n>} unless answers were
 * queued with {@link #respondWith}; a query answers Pending unless scripted. The prefix is empty for tests; a
 * process that keeps its database between runs gives one of its own ({@link #ScriptedPaymentGateway(String)}), or
 * its first push after a restart would repeat a CheckoutRequestID already stored. A push can be held in flight
 * ({@link #holdPushesUntil}, {@link #delayPushesBy}) so a test can line up a race, and
 * {@link #awaitPushes} tells when the pushes under test have arrived.
 */
public final class ScriptedPaymentGateway implements PaymentGateway {

    /** A held push gives up after this, so a test that forgets to release fails instead of hanging. */
    private static final Duration MAX_HOLD = Duration.ofSeconds(30);

    private final List<StkPushRequest> pushRequests = new ArrayList<>();
    private final Queue<StkPushResponse> pushAnswers = new ConcurrentLinkedQueue<>();
    private final List<CheckoutRequestId> queries = new CopyOnWriteArrayList<>();
    private final Script<CheckoutRequestId, StkQueryResponse> queryAnswers = new Script<>();
    private volatile CountDownLatch hold;
    private volatile Duration delay = Duration.ZERO;
    private final String idPrefix;

    /** Ids {@code ws_CO_1}, {@code ws_CO_2} …, for tests. */
    public ScriptedPaymentGateway() {
        this("");
    }

    /** Ids {@code ws_CO_<idPrefix>1} …; {@code idPrefix} is letters, digits and underscores. */
    public ScriptedPaymentGateway(String idPrefix) {
        if (!idPrefix.matches("[A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("idPrefix: letters, digits and underscores only");
        }
        this.idPrefix = idPrefix;
    }

    @Override
    public StkPushResponse requestStkPush(StkPushRequest request) {
        int n;
        StkPushResponse scripted;
        synchronized (this) {
            pushRequests.add(request);
            n = pushRequests.size();
            scripted = pushAnswers.poll();
            notifyAll();
        }
        try {
            waitWhileHeld();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StkPushResponse.RetryLater("interrupted");
        }
        return scripted != null ? scripted
                : new StkPushResponse.Accepted(new MerchantRequestId("mr-" + n), new CheckoutRequestId("ws_CO_" + idPrefix + n));
    }

    @Override
    public StkQueryResponse queryStkPush(CheckoutRequestId checkoutRequestId) {
        queries.add(checkoutRequestId);
        return queryAnswers.next(checkoutRequestId).orElseGet(StkQueryResponse.Pending::new);
    }

    /** Answers for the next pushes, in order, before the default comes back. */
    public void respondWith(StkPushResponse... answers) {
        for (StkPushResponse answer : answers) {
            pushAnswers.add(answer);
        }
    }

    /** Answers for the next queries of any push not answered by {@link #answerQueriesOf}, in order. */
    public void respondToQueriesWith(StkQueryResponse... answers) {
        queryAnswers.queue(answers);
    }

    /** Every query about {@code checkoutRequestId} gets {@code answer}. */
    public void answerQueriesOf(CheckoutRequestId checkoutRequestId, StkQueryResponse answer) {
        queryAnswers.standing(checkoutRequestId, answer);
    }

    /** Pushes, once recorded, wait until {@code release} opens (or {@code null} to stop holding). */
    public void holdPushesUntil(CountDownLatch release) {
        hold = release;
    }

    /** Pushes, once recorded, take this long to answer. */
    public void delayPushesBy(Duration pushDelay) {
        delay = pushDelay;
    }

    /** Waits until at least {@code count} pushes have arrived; false on timeout. */
    public synchronized boolean awaitPushes(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pushRequests.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Every push requested, in order of arrival. */
    public synchronized List<StkPushRequest> pushRequests() {
        return List.copyOf(pushRequests);
    }

    public synchronized int pushCount() {
        return pushRequests.size();
    }

    /** Every query made, in order. */
    public List<CheckoutRequestId> queries() {
        return List.copyOf(queries);
    }

    public Optional<StkPushRequest> lastPush() {
        List<StkPushRequest> all = pushRequests();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    private void waitWhileHeld() throws InterruptedException {
        Duration pause = delay;
        if (!pause.isZero()) {
            Thread.sleep(pause);
        }
        CountDownLatch release = hold;
        if (release != null && !release.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("a push was held for " + MAX_HOLD + ": release the latch");
        }
    }
}
