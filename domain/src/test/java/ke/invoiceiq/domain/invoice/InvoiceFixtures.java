package ke.invoiceiq.domain.invoice;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentAttemptPolicy;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;

/**
 * Test data for invoices. {@link #anInvoice()} gives a builder whose {@link Builder#status(InvoiceStatus)} fills
 * in the timestamps a real invoice in that status would carry. Anything that involves money is reached through the
 * invoice's own transitions (request, push accepted, settle, give up, cancel), never written into the record by
 * hand, so every fixture is a state production can reach, and a PAID one has the payment that paid it.
 */
public final class InvoiceFixtures {

    public static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");
    public static final Instant SENT_AT = CREATED.plus(Duration.ofMinutes(1));
    /** When the fixture's given-up attempt started, and when the reconciler gave up on it. */
    public static final Instant GIVEN_UP_STARTED = CREATED.plus(Duration.ofMinutes(2));
    public static final Instant GIVEN_UP_AT = CREATED.plus(Duration.ofMinutes(7));
    /** When the fixture's attempt in flight started. */
    public static final Instant IN_FLIGHT_STARTED = CREATED.plus(Duration.ofMinutes(20));
    public static final Instant PAID_AT = CREATED.plus(Duration.ofMinutes(30));
    public static final Instant CANCELLED_AT = CREATED.plus(Duration.ofMinutes(40));
    /** "Now" for a transition under test: later than every timestamp a fixture carries. */
    public static final Instant NOW = CREATED.plus(Duration.ofHours(5));

    public static final InvoiceId ID = new InvoiceId("INV-7K3Q9X");
    public static final Customer CUSTOMER = Customer.of(new Msisdn("254712345678"), new CustomerName("Mama Njeri"));
    public static final Msisdn STRANGER = new Msisdn("254799000111");
    public static final Amount AMOUNT = Amount.ofShillings(2_500);
    public static final Description DESCRIPTION = new Description("Cleaning (Wed 3pm)");
    public static final PayToken PAY_TOKEN = new PayToken("q7Zt4mX2bN9vR1kL5sD8wY3h");
    public static final MpesaReceipt RECEIPT = new MpesaReceipt("NLJ7RT61SV");
    public static final MpesaReceipt OTHER_RECEIPT = new MpesaReceipt("NLK8SU72TW");
    public static final PaymentAttemptPolicy POLICY = new PaymentAttemptPolicy(Duration.ofMinutes(2));

    /** The attempt the reconciler gave up on ({@link Builder#withAttemptGivenUp()}). */
    public static final PaymentId GIVEN_UP = new PaymentId("pay-given-up");
    /** The attempt still in flight ({@link Builder#withAttemptInFlight()}). */
    public static final PaymentId IN_FLIGHT = new PaymentId("pay-in-flight");
    /** The attempt that paid a PAID fixture, unless the given-up one's late money did. */
    public static final PaymentId PAYING = new PaymentId("pay-paying");

    private InvoiceFixtures() {
    }

    /** A freshly issued invoice (PENDING, version 0), built the way production builds it. */
    public static Invoice issued() {
        return Invoice.issue(ID, CUSTOMER, AMOUNT, DESCRIPTION, PAY_TOKEN, CREATED);
    }

    /** A typical invoice in {@code status}, paid in full with {@link #RECEIPT} when PAID. */
    public static Invoice invoiceIn(InvoiceStatus status) {
        return anInvoice().status(status).build();
    }

    public static Builder anInvoice() {
        return new Builder();
    }

    // -------------------------------------------------------------------------------------------------------------
    // Attempts and M-PESA's answers
    // -------------------------------------------------------------------------------------------------------------

    public static IdempotencyKey keyOf(PaymentId id) {
        return new IdempotencyKey("key-" + id.value());
    }

    public static CheckoutRequestId checkoutOf(PaymentId id) {
        return new CheckoutRequestId("ws_CO_" + id.value());
    }

    public static MerchantRequestId merchantRequestOf(PaymentId id) {
        return new MerchantRequestId("mr-" + id.value());
    }

    /** A new attempt {@code id} requested by the invoiced customer at {@code at}; it must be allowed. */
    public static PaymentRequest.Start started(Invoice invoice, PaymentId id, Instant at) {
        PaymentRequest request = invoice.requestPayment(Optional.of(CUSTOMER.msisdn()), id, keyOf(id), POLICY, at);
        if (!(request instanceof PaymentRequest.Start start)) {
            throw new IllegalStateException("fixture expected a new attempt, got " + request);
        }
        return start;
    }

    /** A new attempt {@code id}, requested and named by Daraja at {@code at}. */
    public static Invoice startedAndNamed(Invoice invoice, PaymentId id, Instant at) {
        return started(invoice, id, at).invoice().pushAccepted(id, merchantRequestOf(id), checkoutOf(id), at);
    }

    /** The attempt {@code id} of {@code invoice}. */
    public static Payment attempt(Invoice invoice, PaymentId id) {
        return invoice.payment(id).orElseThrow(() -> new IllegalStateException("no attempt " + id));
    }

    /** M-PESA's callback: the money moved, {@code amount} as M-PESA writes it ("2500", "1499.50"). */
    public static PaymentResult paidCallback(PaymentId id, String amount, Optional<MpesaReceipt> receipt, Instant at) {
        return new PaymentResult(checkoutOf(id), Optional.of(merchantRequestOf(id)), StkResult.of(0),
                Optional.of(new BigDecimal(amount)), receipt, Optional.of(at), Optional.of(CUSTOMER.msisdn()), at);
    }

    /** M-PESA's callback: the money moved, {@code amount} as M-PESA writes it, receipt {@code receipt}. */
    public static PaymentResult paidCallback(PaymentId id, String amount, MpesaReceipt receipt, Instant at) {
        return paidCallback(id, amount, Optional.of(receipt), at);
    }

    /** M-PESA's callback: the attempt ended without money, for {@code code}. */
    public static PaymentResult failedCallback(PaymentId id, int code, Instant at) {
        return new PaymentResult(checkoutOf(id), Optional.of(merchantRequestOf(id)), StkResult.of(code),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at);
    }

    /** Our STK query's final answer: the code only, no amount and no receipt. */
    public static PaymentResult queried(PaymentId id, int code, Instant at) {
        return PaymentResult.fromQuery(checkoutOf(id), StkResult.of(code), at);
    }

    /** Shillings as money. */
    public static Money kes(long shillings) {
        return Money.ofShillings(shillings);
    }

    public static final class Builder {
        private InvoiceStatus status = InvoiceStatus.PENDING;
        private Optional<Instant> sentAt = Optional.empty();
        private Instant paidAt = PAID_AT;
        private Instant cancelledAt = CANCELLED_AT;
        private Optional<Channel> channel = Optional.empty();
        private Optional<MpesaReceipt> receipt = Optional.of(RECEIPT);
        private int reminderCount;
        private Optional<Instant> lastRemindedAt = Optional.empty();
        private long version = 3;
        private boolean attemptGivenUp;
        private boolean attemptInFlight;

        private Builder() {
        }

        /** Sets the status and the timestamps and channel that go with it. */
        public Builder status(InvoiceStatus s) {
            status = s;
            sentAt = Optional.empty();
            channel = Optional.empty();
            switch (s) {
                case PENDING, FAILED -> { }
                case SENT, PAID, CANCELLED -> {
                    sentAt = Optional.of(SENT_AT);
                    channel = Optional.of(Channel.WHATSAPP);
                }
            }
            return this;
        }

        public Builder sentAt(Instant at) {
            sentAt = Optional.ofNullable(at);
            return this;
        }

        /** When a PAID fixture was paid. */
        public Builder paidAt(Instant at) {
            paidAt = at;
            return this;
        }

        /** When a CANCELLED fixture was cancelled. */
        public Builder cancelledAt(Instant at) {
            cancelledAt = at;
            return this;
        }

        public Builder channel(Channel c) {
            channel = Optional.ofNullable(c);
            return this;
        }

        /** The receipt a PAID fixture was paid with; {@code null}: only our query told us (no receipt yet). */
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

        /**
         * An attempt ({@link #GIVEN_UP}) that Daraja named and the reconciler gave up on, before anything else the
         * fixture does. On a PAID fixture it is an attempt other than the one that paid.
         */
        public Builder withAttemptGivenUp() {
            attemptGivenUp = true;
            return this;
        }

        /**
         * An attempt ({@link #IN_FLIGHT}) named and still in flight. A PAID fixture can have one only when the
         * given-up attempt's late money paid it meanwhile, so that is how it is built; a CANCELLED one never can.
         */
        public Builder withAttemptInFlight() {
            attemptInFlight = true;
            return this;
        }

        public Invoice build() {
            InvoiceStatus recorded = switch (status) {
                case PAID, CANCELLED -> sentAt.isPresent() ? InvoiceStatus.SENT : InvoiceStatus.PENDING;
                case PENDING, SENT, FAILED -> status;
            };
            Invoice invoice = new Invoice(ID, CUSTOMER, AMOUNT, DESCRIPTION, recorded, PAY_TOKEN, CREATED, sentAt,
                    Optional.empty(), Optional.empty(), channel, reminderCount, lastRemindedAt, List.of(), version);
            if (attemptGivenUp) {
                invoice = startedAndNamed(invoice, GIVEN_UP, GIVEN_UP_STARTED).giveUp(GIVEN_UP, GIVEN_UP_AT).invoice();
            }
            return switch (status) {
                case PENDING, SENT, FAILED -> attemptInFlight
                        ? startedAndNamed(invoice, IN_FLIGHT, IN_FLIGHT_STARTED)
                        : invoice;
                case CANCELLED -> {
                    if (attemptInFlight) {
                        throw new IllegalStateException("a cancelled invoice never has an attempt in flight");
                    }
                    yield expect(invoice.cancel(cancelledAt), InvoiceOutcome.Applied.class).invoice();
                }
                case PAID -> {
                    PaymentId payer = PAYING;
                    if (attemptInFlight) {
                        if (!attemptGivenUp) {
                            throw new IllegalStateException(
                                    "only late money pays an invoice with an attempt in flight");
                        }
                        invoice = startedAndNamed(invoice, IN_FLIGHT, IN_FLIGHT_STARTED);
                        payer = GIVEN_UP;
                    } else {
                        invoice = startedAndNamed(invoice, PAYING, paidAt.minus(Duration.ofMinutes(1)));
                    }
                    PaymentResult result = receipt.isPresent()
                            ? paidCallback(payer, String.valueOf(AMOUNT.shillings()), receipt, paidAt)
                            : queried(payer, 0, paidAt);
                    yield expect(invoice.settle(payer, result, POLICY, paidAt), Settlement.Paid.class).invoice();
                }
            };
        }

        private static <T> T expect(Object outcome, Class<T> type) {
            if (!type.isInstance(outcome)) {
                throw new IllegalStateException("fixture expected " + type.getSimpleName() + ", got " + outcome);
            }
            return type.cast(outcome);
        }
    }
}
