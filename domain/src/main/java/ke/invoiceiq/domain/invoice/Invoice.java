package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceStatus.CANCELLED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.FAILED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PAID;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PENDING;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.SENT;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * The invoice aggregate. Immutable: every transition returns an {@link InvoiceOutcome} holding the next
 * state, so a caller cannot half-apply a change. {@code version} is the optimistic lock, bumped by the
 * repository on each successful update.
 */
public record Invoice(
        InvoiceId id,
        Customer customer,
        Amount amount,
        Description description,
        InvoiceStatus status,
        PayToken payToken,
        Instant createdAt,
        Optional<Instant> sentAt,
        Optional<Instant> paidAt,
        Optional<Instant> cancelledAt,
        Optional<Channel> deliveryChannel,
        Optional<MpesaReceipt> receipt,
        int reminderCount,
        Optional<Instant> lastRemindedAt,
        long version) {

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(payToken, "payToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(deliveryChannel, "deliveryChannel");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(lastRemindedAt, "lastRemindedAt");
        if (reminderCount < 0) {
            throw new IllegalArgumentException("reminderCount < 0");
        }
        if (status == PAID && paidAt.isEmpty()) {
            throw new IllegalArgumentException("a PAID invoice has a paid time");
        }
        if (status == CANCELLED && cancelledAt.isEmpty()) {
            throw new IllegalArgumentException("a CANCELLED invoice has a cancelled time");
        }
    }

    /** A new invoice, PENDING until a channel accepts it. */
    public static Invoice issue(InvoiceId id, Customer customer, Amount amount, Description description,
            PayToken payToken, Instant now) {
        return new Invoice(id, customer, amount, description, PENDING, payToken, now, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), 0);
    }

    /** A channel (WhatsApp or SMS) accepted the invoice message. */
    public InvoiceOutcome sendAccepted(Channel channel, Instant now) {
        return switch (status) {
            case PENDING, FAILED -> applied(
                    with(SENT).sentAt(now).channel(channel).build(),
                    new InvoiceEvent.Sent(id, channel, now));
            case SENT, PAID, CANCELLED -> new InvoiceOutcome.Unchanged(this);
        };
    }

    /** Every channel tried reported the invoice message undeliverable. */
    public InvoiceOutcome deliveryFailedOnEveryChannel(Instant now) {
        return switch (status) {
            case PENDING, SENT -> applied(with(FAILED).build(), new InvoiceEvent.DeliveryFailed(id, now));
            case FAILED, PAID, CANCELLED -> new InvoiceOutcome.Unchanged(this);
        };
    }

    /**
     * M-PESA confirmed a payment. Money is never refused: a cancelled invoice becomes PAID (and the merchant
     * is told), a second receipt on a paid invoice is recorded as a double payment.
     */
    public InvoiceOutcome paymentSucceeded(Optional<MpesaReceipt> paidWith, Instant now) {
        Objects.requireNonNull(paidWith, "paidWith");
        return switch (status) {
            case PENDING, SENT, FAILED -> applied(
                    with(PAID).paidAt(now).receipt(paidWith).build(),
                    new InvoiceEvent.Paid(id, paidWith, Optional.of(timeToPay(now)), now));
            case CANCELLED -> applied(
                    with(PAID).paidAt(now).receipt(paidWith).build(),
                    new InvoiceEvent.PaidAfterCancellation(id, paidWith, timeToPay(now), now));
            case PAID -> {
                if (paidWith.isEmpty() || receipt.isEmpty() || receipt.equals(paidWith)) {
                    // the same payment told twice (callback and query), or a receipt filling in a blank
                    yield receipt.isEmpty() && paidWith.isPresent()
                            ? applied(with(PAID).receipt(paidWith).build(),
                                    new InvoiceEvent.Paid(id, paidWith, Optional.empty(), now))
                            : new InvoiceOutcome.Unchanged(this);
                }
                yield applied(this, new InvoiceEvent.DoublePaymentReceived(id, paidWith, now));
            }
        };
    }

    /**
     * From the invoice reaching the customer (or its creation, if no channel ever accepted it) to {@code paidAt};
     * zero rather than negative when clocks disagree.
     */
    private Duration timeToPay(Instant paidAt) {
        Duration taken = Duration.between(sentAt.orElse(createdAt), paidAt);
        return taken.isNegative() ? Duration.ZERO : taken;
    }

    /** The merchant cancels. Refused while an STK push is in flight, because the money may still come. */
    public InvoiceOutcome cancel(boolean paymentInFlight, Instant now) {
        return switch (status) {
            case PENDING, SENT, FAILED -> paymentInFlight
                    ? new InvoiceOutcome.Refused(this, Refusal.PAYMENT_IN_FLIGHT)
                    : applied(with(CANCELLED).cancelledAt(now).build(), new InvoiceEvent.Cancelled(id, now));
            case PAID -> new InvoiceOutcome.Refused(this, Refusal.ALREADY_PAID);
            case CANCELLED -> new InvoiceOutcome.Unchanged(this);
        };
    }

    /** The merchant asks to nudge the customer; a FAILED invoice is delivered again instead. */
    public InvoiceOutcome remind(ReminderPolicy policy, Instant now) {
        return switch (status) {
            case PENDING -> new InvoiceOutcome.Refused(this, Refusal.NOT_SENT_YET);
            case PAID -> new InvoiceOutcome.Refused(this, Refusal.ALREADY_PAID);
            case CANCELLED -> new InvoiceOutcome.Refused(this, Refusal.CANCELLED);
            case SENT, FAILED -> {
                if (reminderCount >= policy.maxReminders()) {
                    yield new InvoiceOutcome.Refused(this, Refusal.REMINDER_LIMIT_REACHED);
                }
                if (lastRemindedAt.isPresent() && lastRemindedAt.get().plus(policy.minInterval()).isAfter(now)) {
                    yield new InvoiceOutcome.Refused(this, Refusal.REMINDED_RECENTLY);
                }
                int count = reminderCount + 1;
                Invoice next = with(status).reminded(count, now).build();
                yield applied(next, status == SENT
                        ? new InvoiceEvent.ReminderRequested(id, count, now)
                        : new InvoiceEvent.RedeliveryRequested(id, count, now));
            }
        };
    }

    /** Whether a customer may start a payment now (an open or undelivered invoice; not paid, not cancelled). */
    public boolean isPayable() {
        return status == PENDING || status == SENT || status == FAILED;
    }

    /** The same invoice as stored at {@code newVersion}; used by repositories after a successful write. */
    public Invoice withVersion(long newVersion) {
        return new Invoice(id, customer, amount, description, status, payToken, createdAt, sentAt, paidAt,
                cancelledAt, deliveryChannel, receipt, reminderCount, lastRemindedAt, newVersion);
    }

    private static InvoiceOutcome applied(Invoice next, InvoiceEvent event) {
        return new InvoiceOutcome.Applied(next, event);
    }

    private Builder with(InvoiceStatus nextStatus) {
        return new Builder(this, nextStatus);
    }

    private static final class Builder {
        private final Invoice from;
        private final InvoiceStatus status;
        private Optional<Instant> sentAt;
        private Optional<Instant> paidAt;
        private Optional<Instant> cancelledAt;
        private Optional<Channel> channel;
        private Optional<MpesaReceipt> receipt;
        private int reminderCount;
        private Optional<Instant> lastRemindedAt;

        private Builder(Invoice from, InvoiceStatus status) {
            this.from = from;
            this.status = status;
            this.sentAt = from.sentAt;
            this.paidAt = from.paidAt;
            this.cancelledAt = from.cancelledAt;
            this.channel = from.deliveryChannel;
            this.receipt = from.receipt;
            this.reminderCount = from.reminderCount;
            this.lastRemindedAt = from.lastRemindedAt;
        }

        Builder sentAt(Instant at) {
            sentAt = sentAt.isPresent() ? sentAt : Optional.of(at);
            return this;
        }

        Builder paidAt(Instant at) {
            paidAt = Optional.of(at);
            return this;
        }

        Builder cancelledAt(Instant at) {
            cancelledAt = Optional.of(at);
            return this;
        }

        Builder channel(Channel c) {
            channel = Optional.of(c);
            return this;
        }

        Builder receipt(Optional<MpesaReceipt> r) {
            receipt = r;
            return this;
        }

        Builder reminded(int count, Instant at) {
            reminderCount = count;
            lastRemindedAt = Optional.of(at);
            return this;
        }

        Invoice build() {
            return new Invoice(from.id, from.customer, from.amount, from.description, status, from.payToken,
                    from.createdAt, sentAt, paidAt, cancelledAt, channel, receipt, reminderCount, lastRemindedAt,
                    from.version);
        }
    }
}
