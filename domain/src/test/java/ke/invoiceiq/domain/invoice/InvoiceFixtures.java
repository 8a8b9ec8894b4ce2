package ke.invoiceiq.domain.invoice;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * Test data for invoices. {@link #anInvoice()} gives a builder whose {@link Builder#status(InvoiceStatus)} fills
 * in the timestamps a real invoice in that status would carry, so every fixture passes the record's invariants.
 */
public final class InvoiceFixtures {

    public static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");
    public static final Instant SENT_AT = CREATED.plus(Duration.ofMinutes(1));
    public static final Instant PAID_AT = CREATED.plus(Duration.ofMinutes(30));
    public static final Instant CANCELLED_AT = CREATED.plus(Duration.ofMinutes(40));
    /** "Now" for a transition under test: later than every timestamp a fixture carries. */
    public static final Instant NOW = CREATED.plus(Duration.ofHours(5));

    public static final InvoiceId ID = new InvoiceId("INV-7K3Q9X");
    public static final Customer CUSTOMER = Customer.of(new Msisdn("254712345678"), new CustomerName("Mama Njeri"));
    public static final Amount AMOUNT = Amount.ofShillings(2_500);
    public static final Description DESCRIPTION = new Description("Cleaning (Wed 3pm)");
    public static final PayToken PAY_TOKEN = new PayToken("q7Zt4mX2bN9vR1kL5sD8wY3h");
    public static final MpesaReceipt RECEIPT = new MpesaReceipt("NLJ7RT61SV");
    public static final MpesaReceipt OTHER_RECEIPT = new MpesaReceipt("NLK8SU72TW");

    private InvoiceFixtures() {
    }

    /** A freshly issued invoice (PENDING, version 0), built the way production builds it. */
    public static Invoice issued() {
        return Invoice.issue(ID, CUSTOMER, AMOUNT, DESCRIPTION, PAY_TOKEN, CREATED);
    }

    /** A typical invoice in {@code status}, receipt {@link #RECEIPT} when PAID. */
    public static Invoice invoiceIn(InvoiceStatus status) {
        return anInvoice().status(status).build();
    }

    public static Builder anInvoice() {
        return new Builder();
    }

    public static final class Builder {
        private InvoiceStatus status = InvoiceStatus.PENDING;
        private Optional<Instant> sentAt = Optional.empty();
        private Optional<Instant> paidAt = Optional.empty();
        private Optional<Instant> cancelledAt = Optional.empty();
        private Optional<Channel> channel = Optional.empty();
        private Optional<MpesaReceipt> receipt = Optional.empty();
        private int reminderCount;
        private Optional<Instant> lastRemindedAt = Optional.empty();
        private long version = 3;

        private Builder() {
        }

        /** Sets the status and the timestamps, channel and receipt that go with it. */
        public Builder status(InvoiceStatus s) {
            status = s;
            sentAt = Optional.empty();
            paidAt = Optional.empty();
            cancelledAt = Optional.empty();
            channel = Optional.empty();
            receipt = Optional.empty();
            switch (s) {
                case PENDING -> { }
                case SENT -> {
                    sentAt = Optional.of(SENT_AT);
                    channel = Optional.of(Channel.WHATSAPP);
                }
                case PAID -> {
                    sentAt = Optional.of(SENT_AT);
                    channel = Optional.of(Channel.WHATSAPP);
                    paidAt = Optional.of(PAID_AT);
                    receipt = Optional.of(RECEIPT);
                }
                case CANCELLED -> {
                    sentAt = Optional.of(SENT_AT);
                    channel = Optional.of(Channel.WHATSAPP);
                    cancelledAt = Optional.of(CANCELLED_AT);
                }
                case FAILED -> { }
            }
            return this;
        }

        public Builder sentAt(Instant at) {
            sentAt = Optional.ofNullable(at);
            return this;
        }

        public Builder paidAt(Instant at) {
            paidAt = Optional.ofNullable(at);
            return this;
        }

        public Builder cancelledAt(Instant at) {
            cancelledAt = Optional.ofNullable(at);
            return this;
        }

        public Builder channel(Channel c) {
            channel = Optional.ofNullable(c);
            return this;
        }

        public Builder receipt(MpesaReceipt r) {
            receipt = Optional.ofNullable(r);
            return this;
        }

        public Builder reminded(int count, Instant last) {
            reminderCount = count;
            lastRemindedAt = Optional.ofNullable(last);
            return this;
        }

        public Builder reminderCount(int count) {
            reminderCount = count;
            return this;
        }

        public Builder version(long v) {
            version = v;
            return this;
        }

        public Invoice build() {
            return new Invoice(ID, CUSTOMER, AMOUNT, DESCRIPTION, status, PAY_TOKEN, CREATED, sentAt, paidAt,
                    cancelledAt, channel, receipt, reminderCount, lastRemindedAt, version);
        }
    }
}
