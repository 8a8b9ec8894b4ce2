package ke.invoiceiq.bootstrap.restart;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.bootstrap.testing.TypedInTests;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;

/**
 * What the two halves of the restart test share. They run in two application instances, so they hand values
 * over through system properties, which outlive the application's class loader.
 */
final class MerchantChat {

    /** A staff number of its own, so that no other test's chat session is this one. */
    static final Msisdn MERCHANT = new Msisdn("254700000077");
    static final String STAFF_NUMBERS = "254700000001,254700000077";

    static final String BOOT_BEFORE = "restart-test.boot-before";
    static final String CUSTOMER_IN_CHAT = "restart-test.customer-in-chat";
    static final String CUSTOMER_QUEUED = "restart-test.customer-queued";
    static final String INVOICE_QUEUED = "restart-test.invoice-queued";

    private MerchantChat() {
    }

    /** The other staff member, whose one-line commands do not touch {@link #MERCHANT}'s guided flow. */
    static final Msisdn COLLEAGUE = new Msisdn("254700000001");

    static HandleInboundMessageOutcome say(HandleInboundMessageUseCase inbound, Msisdn from, String text,
            Instant at) {
        return inbound.handle(new InboundMessage("whatsapp", "wamid.restart-" + UUID.randomUUID(), Channel.WHATSAPP,
                Optional.of(TypedInTests.number(from)), Optional.empty(),
                new InboundContent.Text(TypedInTests.text(text)), at));
    }

    static String handedOver(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new AssertionError("the first half (ChatSurvivesRestartPart1Test) must run before this one, in the "
                    + "same JVM: run the whole bootstrap suite, or both classes together");
        }
        return value;
    }
}
