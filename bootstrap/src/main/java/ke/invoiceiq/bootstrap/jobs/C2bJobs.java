package ke.invoiceiq.bootstrap.jobs;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import ke.invoiceiq.application.payment.RecordC2bPaymentUseCase;
import ke.invoiceiq.domain.shared.Tracing;
import org.jboss.logging.Logger;

/**
 * Applies C2B confirmations that were kept but not applied (the instance stopped between the two, or the invoice was
 * busy too often): on the reconciler's interval ({@code invoiceiq.jobs.reconcile-every}, {@code off} in the tests,
 * which drive the use case themselves). Safe across instances: the sweep leases rows with
 * {@code FOR UPDATE SKIP LOCKED} and each payment is applied under a lock on its kept row.
 */
@ApplicationScoped
public class C2bJobs {

    private static final Logger LOG = Logger.getLogger(C2bJobs.class);

    private final RecordC2bPaymentUseCase c2b;
    private final Tracing tracing;

    @Inject
    C2bJobs(RecordC2bPaymentUseCase c2b, Tracing tracing) {
        this.c2b = c2b;
        this.tracing = tracing;
    }

    @Scheduled(identity = "c2b-sweep", every = "${invoiceiq.jobs.reconcile-every}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void applyPendingC2bPayments() {
        String id = "job-c2b-sweep-" + UUID.randomUUID().toString().substring(0, 8);
        tracing.withCorrelationId(Optional.of(id), (Supplier<Void>) () -> {
            int taken = c2b.applyPending();
            if (taken > 0) {
                LOG.infof("C2B sweep: took up %d kept payments", taken);
            }
            return null;
        });
    }
}
