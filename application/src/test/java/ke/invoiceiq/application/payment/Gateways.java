package ke.invoiceiq.application.payment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import ke.invoiceiq.adapters.memory.ScriptedPaymentGateway;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkQueryResponse;

/**
 * Gateway doubles the scripted gateway has no knob for: calls that throw, watching for open transactions, and
 * something happening while a call is on its way.
 */
final class Gateways {

    private Gateways() {
    }

    /** Delegates to the scripted gateway, noting for each push whether a unit of work was open during it. */
    static final class Watching implements PaymentGateway {
        final ScriptedPaymentGateway scripted;
        final BooleanSupplier inTransaction;
        final List<Boolean> pushedInTransaction = new CopyOnWriteArrayList<>();

        Watching(ScriptedPaymentGateway scripted, BooleanSupplier inTransaction) {
            this.scripted = scripted;
            this.inTransaction = inTransaction;
        }

        @Override
        public StkPushResponse requestStkPush(StkPushRequest request) {
            pushedInTransaction.add(inTransaction.getAsBoolean());
            return scripted.requestStkPush(request);
        }

        @Override
        public StkQueryResponse queryStkPush(CheckoutRequestId id) {
            return scripted.queryStkPush(id);
        }
    }

    /** Every call fails the way a timed-out HTTP client does. */
    static final class Broken implements PaymentGateway {
        final List<StkPushRequest> pushes = new CopyOnWriteArrayList<>();
        final List<CheckoutRequestId> queries = new CopyOnWriteArrayList<>();

        @Override
        public StkPushResponse requestStkPush(StkPushRequest request) {
            pushes.add(request);
            throw new IllegalStateException("read timed out");
        }

        @Override
        public StkQueryResponse queryStkPush(CheckoutRequestId id) {
            queries.add(id);
            throw new IllegalStateException("read timed out");
        }
    }

    /** Pushes go through the scripted gateway; every query fails the way a timed-out HTTP client does. */
    static final class QueriesFail implements PaymentGateway {
        final ScriptedPaymentGateway scripted;
        final List<CheckoutRequestId> queries = new CopyOnWriteArrayList<>();

        QueriesFail(ScriptedPaymentGateway scripted) {
            this.scripted = scripted;
        }

        @Override
        public StkPushResponse requestStkPush(StkPushRequest request) {
            return scripted.requestStkPush(request);
        }

        @Override
        public StkQueryResponse queryStkPush(CheckoutRequestId id) {
            queries.add(id);
            throw new IllegalStateException("read timed out");
        }
    }

    /**
     * Delegates to the scripted gateway, first doing what the test set for the moment a push or a query is on its
     * way: what happens elsewhere while Daraja has not answered yet.
     */
    static final class Meanwhile implements PaymentGateway {
        final ScriptedPaymentGateway scripted;
        private volatile Runnable duringPush = () -> {
        };
        private volatile Runnable duringQuery = () -> {
        };

        Meanwhile(ScriptedPaymentGateway scripted) {
            this.scripted = scripted;
        }

        /** Done once, during the next push. */
        void duringNextPush(Runnable action) {
            duringPush = once(action);
        }

        /** Done once, during the next query. */
        void duringNextQuery(Runnable action) {
            duringQuery = once(action);
        }

        @Override
        public StkPushResponse requestStkPush(StkPushRequest request) {
            duringPush.run();
            return scripted.requestStkPush(request);
        }

        @Override
        public StkQueryResponse queryStkPush(CheckoutRequestId id) {
            duringQuery.run();
            return scripted.queryStkPush(id);
        }

        private static Runnable once(Runnable action) {
            var done = new AtomicBoolean();
            return () -> {
                if (done.compareAndSet(false, true)) {
                    action.run();
                }
            };
        }
    }
}
