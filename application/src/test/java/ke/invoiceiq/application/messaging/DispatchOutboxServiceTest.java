package ke.invoiceiq.application.messaging;

import static ke.invoiceiq.application.messaging.MessagingWorld.CUSTOMER;
import static ke.invoiceiq.application.messaging.MessagingWorld.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.testing.InvoicePayments;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.Direction;
import ke.invoiceiq.domain.messaging.MessageEvent;
import ke.invoiceiq.domain.messaging.MessageEvent.Outcome;
import ke.invoiceiq.domain.messaging.MessageLogEntry;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.SmsText;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import ke.invoiceiq.domain.messaging.SendResult;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class DispatchOutboxServiceTest {

    @Test
    void givenCustomerWroteWithinTheDay_whenInvoiceDispatched_thenInteractiveButtons() {
        var world = new MessagingWorld();
        world.ports.chat().setTemplateConfigured(true);
        world.ports.customers().recordInbound(CUSTOMER, world.now().minus(Duration.ofHours(23)));
        Invoice invoice = world.invoiceQueued();

        world.dispatch();

        assertThat(world.ports.chat().sentTo(CUSTOMER)).singleElement().isInstanceOfSatisfying(
                ChatMessage.Buttons.class, m -> assertThat(m.buttons())
                        .containsExactly(BotCopy.payButton(invoice.id()), BotCopy.viewButton(invoice.id())));
    }

    @Test
    void givenCustomerSilentForADayAndTemplateApproved_whenInvoiceDispatched_thenTemplate() {
        var world = new MessagingWorld();
        world.ports.chat().setTemplateConfigured(true);
        world.ports.customers().recordInbound(CUSTOMER, world.now().minus(Duration.ofHours(25)));
        Invoice invoice = world.invoiceQueued();

        world.dispatch();

        assertThat(world.ports.chat().sentTo(CUSTOMER)).singleElement().isInstanceOfSatisfying(
                ChatMessage.Template.class, m -> assertThat(m.parameters()).isEqualTo(MessagingWorld.template(invoice)));
    }

    @Test
    void givenCustomerNeverWroteAndTemplateApproved_whenInvoiceDispatched_thenTemplate() {
        var world = new MessagingWorld();
        world.ports.chat().setTemplateConfigured(true);
        world.invoiceQueued();

        world.dispatch();

        assertThat(world.ports.chat().sentTo(CUSTOMER)).singleElement().isInstanceOf(ChatMessage.Template.class);
    }

    @Test
    void givenNoTemplateConfigured_whenInvoiceDispatchedOutsideTheWindow_thenButtons() {
        var world = new MessagingWorld();
        world.invoiceQueued();

        world.dispatch();

        assertThat(world.ports.chat().sentTo(CUSTOMER)).singleElement().isInstanceOf(ChatMessage.Buttons.class);
    }

    @Test
    void givenMessageForTheMerchantWithTemplateContent_whenDispatched_thenNeverTheCustomerTemplate() {
        var world = new MessagingWorld();
        world.ports.chat().setTemplateConfigured(true);
        Invoice invoice = world.invoiceIssued(CUSTOMER);
        world.writer.send(MERCHANT, Channel.WHATSAPP, MessagePurpose.MERCHANT_NOTICE, Optional.of(invoice.id()),
                MessagingWorld.invoiceContent(invoice));

        world.dispatch();

        assertThat(world.ports.chat().sentTo(MERCHANT)).singleElement().isInstanceOf(ChatMessage.Buttons.class);
    }

    @Test
    void givenPlainReply_whenDispatched_thenText() {
        var world = new MessagingWorld();
        world.writer.send(CUSTOMER, Channel.WHATSAPP, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text(BotCopy.customerHelp()));

        world.dispatch();

        assertThat(world.ports.chat().sentTo(CUSTOMER)).singleElement()
                .isEqualTo(new ChatMessage.Text(CUSTOMER, BotCopy.customerHelp()));
    }

    @Test
    void givenAnSmsWithCurlyQuotesDashesAndATick_whenDispatched_thenItGoesAsPlainGsm7() {
        var world = new MessagingWorld();
        world.writer.send(MERCHANT, Channel.SMS, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text("Paid ✔ — Invoice #INV-7K3Q9X for “Mama’s” cleaning…"));

        world.dispatch();

        assertThat(world.ports.sms().sentTo(MERCHANT)).singleElement().satisfies(sms -> {
            assertThat(sms.text()).isEqualTo("Paid - Invoice #INV-7K3Q9X for \"Mama's\" cleaning...");
            assertThat(SmsText.isGsm7(sms.text())).isTrue();
        });
    }

    @Test
    void givenInvoiceMessage_whenWhatsAppAccepts_thenInvoiceSentAndMerchantConfirmedWithTwoButtons() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();

        DispatchReport report = world.dispatch();

        assertThat(report.sent()).isEqualTo(1);
        Invoice sent = world.invoice(invoice.id());
        assertThat(sent.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(sent.deliveryChannel()).contains(Channel.WHATSAPP);
        OutboxMessage invoiceMessage = world.outbox(CUSTOMER, MessagePurpose.INVOICE).getFirst();
        assertThat(invoiceMessage.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(invoiceMessage.providerMessageId()).contains("wamid.1");
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).isEqualTo(BotCopy.invoiceSent(invoice.id(), invoice.amount(), CUSTOMER));
            assertThat(m.content().buttons()).containsExactly(BotCopy.remindButton(invoice.id()),
                    BotCopy.cancelInvoiceButton(invoice.id()));
        });
        assertThat(world.ports.events().published(InvoiceEvent.Sent.class)).hasSize(1);
        assertThat(world.ports.messageLog().forInvoice(invoice.id())).singleElement().satisfies(entry -> {
            assertThat(entry.event()).isEqualTo("sent");
            assertThat(entry.direction()).isEqualTo(Direction.OUT);
            assertThat(entry.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(entry.providerMessageId()).contains("wamid.1");
            assertThat(entry.toString()).doesNotContain(CUSTOMER.value(), "Mama Njeri", "Cleaning");
        });
    }

    @Test
    void givenThrottled_whenDispatched_thenRetriedAfterTheBackoffOrTheProvidersWaitWhicheverIsLonger() {
        var world = new MessagingWorld();
        world.invoiceQueued();
        Instant start = world.now();
        world.ports.chat().respondWith(new SendResult.RetryLater("131000", Optional.empty()),
                new SendResult.RetryLater("131000", Optional.of(Duration.ofSeconds(30))));

        DispatchReport first = world.dispatch();
        OutboxMessage afterFirst = world.outbox(CUSTOMER, MessagePurpose.INVOICE).getFirst();
        world.advance(Duration.ofSeconds(4));
        DispatchReport tooEarly = world.dispatch();
        world.advance(Duration.ofSeconds(2));
        DispatchReport second = world.dispatch();
        OutboxMessage afterSecond = world.message(afterFirst.id());
        world.advance(Duration.ofSeconds(30));
        DispatchReport third = world.dispatch();

        assertThat(first.retried()).isEqualTo(1);
        assertThat(afterFirst.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(start.plusSeconds(5));
        assertThat(tooEarly.claimed()).isZero();
        assertThat(second.retried()).isEqualTo(1);
        assertThat(afterSecond.nextAttemptAt()).isEqualTo(start.plusSeconds(6 + 30));
        assertThat(afterSecond.attempts()).isEqualTo(2);
        assertThat(third.sent()).isEqualTo(1);
        assertThat(world.ports.chat().sentTo(CUSTOMER)).hasSize(3);
    }

    @Test
    void givenMessengerThrows_whenDispatched_thenRetriedLater() {
        var world = new MessagingWorld();
        world.invoiceQueued();
        ChatMessenger broken = new ChatMessenger() {
            @Override
            public SendResult send(ChatMessage message) {
                throw new IllegalStateException("connect timed out to " + message.to().value());
            }

            @Override
            public boolean hasInvoiceTemplate() {
                return false;
            }
        };
        var dispatcher = world.dispatcher(world.ports.outbox(), broken, world.ports.sms());

        DispatchReport report = dispatcher.dispatch();

        assertThat(report.retried()).isEqualTo(1);
        OutboxMessage message = world.outbox(CUSTOMER, MessagePurpose.INVOICE).getFirst();
        assertThat(message.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(message.lastError()).hasValueSatisfying(e -> assertThat(e).doesNotContain(CUSTOMER.value()));
    }

    @Test
    void givenThrottledOnEveryTry_whenAttemptsRunOut_thenFallsBackToSms() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        world.ports.chat().failFor(CUSTOMER, new SendResult.RetryLater("131000", Optional.empty()));

        world.dispatch();
        world.advance(Duration.ofMinutes(1));
        world.dispatch();
        world.advance(Duration.ofMinutes(1));
        DispatchReport last = world.dispatch();

        assertThat(last.fellBack()).isEqualTo(1);
        assertThat(world.outbox(CUSTOMER, MessagePurpose.INVOICE)).extracting(OutboxMessage::channel,
                OutboxMessage::status).containsExactly(
                        tuple(Channel.WHATSAPP, OutboxStatus.FAILED),
                        tuple(Channel.SMS, OutboxStatus.PENDING));
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PENDING);
    }

    @Test
    void givenNotOnWhatsApp_whenDispatched_thenSmsCopyQueuedAndSentWithTheSmsText() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        world.ports.chat().respondWith(new SendResult.Undeliverable("131026"));

        DispatchReport first = world.dispatch();
        DispatchReport second = world.dispatch();

        assertThat(first.fellBack()).isEqualTo(1);
        assertThat(world.outbox(Channel.SMS)).singleElement().satisfies(sms -> {
            assertThat(sms.purpose()).isEqualTo(MessagePurpose.INVOICE);
            assertThat(sms.invoiceId()).contains(invoice.id());
            assertThat(sms.status()).isEqualTo(OutboxStatus.SENT);
        });
        assertThat(second.sent()).isEqualTo(1);
        assertThat(world.ports.sms().sentTo(CUSTOMER)).singleElement()
                .satisfies(sms -> assertThat(sms.text()).isEqualTo(MessagingWorld.smsText(invoice)));
        Invoice sent = world.invoice(invoice.id());
        assertThat(sent.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(sent.deliveryChannel()).contains(Channel.SMS);
        assertThat(world.ports.messageLog().forInvoice(invoice.id())).extracting(MessageLogEntry::event)
                .containsExactly("failed", "fallback_sms", "sent");
    }

    @Test
    void givenSmsUndeliverableToo_whenDispatched_thenInvoiceFailedAndMerchantTold() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        world.ports.chat().respondWith(new SendResult.Undeliverable("131026"));
        world.ports.sms().respondWith(new SendResult.Undeliverable("403"));

        world.dispatch();
        DispatchReport second = world.dispatch();

        assertThat(second.failed()).isEqualTo(1);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.FAILED);
        assertThat(world.ports.events().published(InvoiceEvent.DeliveryFailed.class)).hasSize(1);
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).contains("#" + invoice.id().value(), "KES 2,500", "could not be delivered");
            assertThat(m.content().text().lines()).hasSizeLessThanOrEqualTo(2);
            assertThat(m.content().buttons()).containsExactly(BotCopy.remindButton(invoice.id()));
        });
    }

    @Test
    void givenWhatsAppRefusesOurSetupForAMerchantNotice_whenDispatched_thenTheNoticeFallsBackToSms() {
        var world = new MessagingWorld();
        world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(),
                OutboundContent.text("Paid ✔ — Hello"));
        world.ports.chat().respondWith(new SendResult.Misconfigured("190"));

        DispatchReport report = world.dispatch();
        world.dispatch();

        assertThat(report.fellBack()).isEqualTo(1);
        assertThat(world.outbox(Channel.WHATSAPP)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.FAILED);
            assertThat(m.lastError()).contains("190");
        });
        assertThat(world.ports.sms().sentTo(MERCHANT)).extracting(sms -> sms.text())
                .anySatisfy(text -> assertThat(text).contains("Paid - Hello"));
    }

    @Test
    void givenWhatsAppRefusesOurSetup_whenMessagesKeepFailing_thenTheMerchantIsToldOnceBySms() {
        var world = new MessagingWorld();
        world.invoiceQueued(MessagingWorld.customer(1));
        world.invoiceQueued(MessagingWorld.customer(2));
        world.ports.chat().respondWith(new SendResult.Misconfigured("190"), new SendResult.Misconfigured("190"));
        var dispatcher = world.dispatcher();

        DispatchReport first = dispatcher.dispatch();
        dispatcher.dispatch();

        assertThat(first.fellBack()).as("both invoices were tried").isEqualTo(2);
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE))
                .filteredOn(m -> m.channel() == Channel.SMS)
                .singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains("WhatsApp", "code 190", "by SMS"));
    }

    @Test
    void givenSmsRefusesOurSetup_whenAnSmsFails_thenTheMerchantIsToldOnWhatsAppThatSmsIsDown() {
        var world = new MessagingWorld();
        world.writer.send(CUSTOMER, Channel.SMS, MessagePurpose.REPLY, Optional.empty(), OutboundContent.text("Hi"));
        world.ports.sms().respondWith(new SendResult.Misconfigured("invalid-api-key"));

        world.dispatch();

        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(m.content().text()).contains("SMS refused", "code invalid-api-key", "get no SMS meanwhile",
                    "SMS_*").doesNotContain("go out by SMS");
        });
    }

    @Test
    void givenWhatsAppRefusesOurSetup_whenTheCodeChanges_thenTheMerchantHearsOfEachCodeOnce() {
        var world = new MessagingWorld();
        world.invoiceQueued(MessagingWorld.customer(1));
        world.invoiceQueued(MessagingWorld.customer(2));
        world.ports.chat().respondWith(new SendResult.Misconfigured("190"), new SendResult.Misconfigured("132001"));
        var dispatcher = world.dispatcher();

        dispatcher.dispatch();

        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE))
                .filteredOn(m -> m.channel() == Channel.SMS)
                .extracting(m -> m.content().text())
                .hasSize(2)
                .anySatisfy(text -> assertThat(text).contains("code 190"))
                .anySatisfy(text -> assertThat(text).contains("code 132001"));
    }

    @Test
    void givenTwoInstancesThatBothSeeWhatsAppRefuseOurSetup_whenEachRecordsIt_thenTheMerchantIsToldOnce() {
        var world = new MessagingWorld();
        world.invoiceQueued(MessagingWorld.customer(1));
        world.invoiceQueued(MessagingWorld.customer(2));
        world.ports.chat().respondWith(new SendResult.Misconfigured("190"), new SendResult.Misconfigured("190"));
        var settings = new DispatchSettings(1, world.settings.lease(), world.settings.maxAttempts(),
                world.settings.initialBackoff(), world.settings.maxBackoff());
        var one = world.dispatcher(world.ports.outbox(), world.ports.chat(), world.ports.sms(), settings);
        var other = world.dispatcher(world.ports.outbox(), world.ports.chat(), world.ports.sms(), settings);

        one.dispatch();
        other.dispatch();

        assertThat(world.ports.events().published(MessageEvent.Dispatched.class))
                .filteredOn(e -> e.outcome() == Outcome.MISCONFIGURED).hasSize(2);
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE))
                .filteredOn(m -> m.channel() == Channel.SMS)
                .singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains("code 190"));
    }

    @Test
    void givenWhatsAppMerelyUndeliverableToOnePerson_whenDispatched_thenNoSetupNoticeToTheMerchant() {
        var world = new MessagingWorld();
        world.invoiceQueued();
        world.ports.chat().respondWith(new SendResult.Undeliverable("131026"));

        world.dispatch();

        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE))
                .filteredOn(m -> m.channel() == Channel.SMS).isEmpty();
    }

    @Test
    void givenDispatcherDiedAfterClaiming_whenTheLeaseRunsOut_thenANewDispatcherSendsItExactlyOnce() {
        var world = new MessagingWorld();
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text(BotCopy.customerHelp()));
        List<OutboxMessage> claimedByTheDead = world.ports.outbox().claimDue("dead", world.now(),
                world.settings.lease(), 50);

        var survivor = world.dispatcher();
        DispatchReport whileLeased = survivor.dispatch();
        world.advance(world.settings.lease());
        DispatchReport afterLease = survivor.dispatch();
        DispatchReport again = world.dispatcher().dispatch();

        assertThat(claimedByTheDead).hasSize(1);
        assertThat(whileLeased.claimed()).isZero();
        assertThat(afterLease.sent()).isEqualTo(1);
        assertThat(again.claimed()).isZero();
        assertThat(world.ports.chat().sentTo(CUSTOMER)).hasSize(1);
    }

    @Test
    void givenInvoicePaidWhileItsMessageWaited_whenDispatched_thenNotSent() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        world.ports.invoices().update(InvoicePayments.paid(invoice, Optional.empty(), world.now()));

        DispatchReport report = world.dispatch();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(world.ports.chat().sent()).isEmpty();
        assertThat(world.outbox(CUSTOMER, MessagePurpose.INVOICE)).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(OutboxStatus.FAILED));
    }

    // ---- one MessageEvent.Dispatched per send attempt, told after the answer is recorded (metrics) ----

    @Test
    void givenInvoiceMessage_whenWhatsAppAccepts_thenOneDispatchedAcceptedOnWhatsAppAfterTheInvoiceEvent() {
        var world = new MessagingWorld();
        world.invoiceQueued();

        world.dispatch();

        assertThat(dispatched(world)).containsExactly(
                new MessageEvent.Dispatched(Channel.WHATSAPP, Outcome.ACCEPTED, world.now()));
        assertThat(world.ports.events().published()).last().isInstanceOf(MessageEvent.Dispatched.class);
        assertThat(world.ports.events().published()).first().isInstanceOf(InvoiceEvent.Sent.class);
    }

    @Test
    void givenNotOnWhatsApp_whenDispatchedTwice_thenUndeliverableOnWhatsAppThenAcceptedOnSms() {
        var world = new MessagingWorld();
        world.invoiceQueued();
        world.ports.chat().respondWith(new SendResult.Undeliverable("131026"));

        world.dispatch();
        world.dispatch();

        assertThat(dispatched(world)).extracting(MessageEvent.Dispatched::channel, MessageEvent.Dispatched::outcome)
                .containsExactly(tuple(Channel.WHATSAPP, Outcome.UNDELIVERABLE), tuple(Channel.SMS, Outcome.ACCEPTED));
    }

    @Test
    void givenThrottledOnEveryTry_whenAttemptsRunOut_thenEveryAttemptToldAsRetryLater() {
        var world = new MessagingWorld();
        world.invoiceQueued();
        world.ports.chat().failFor(CUSTOMER, new SendResult.RetryLater("131000", Optional.empty()));

        world.dispatch();
        world.advance(Duration.ofMinutes(1));
        world.dispatch();
        world.advance(Duration.ofMinutes(1));
        world.dispatch();

        assertThat(dispatched(world)).extracting(MessageEvent.Dispatched::channel, MessageEvent.Dispatched::outcome)
                .containsExactly(tuple(Channel.WHATSAPP, Outcome.RETRY_LATER),
                        tuple(Channel.WHATSAPP, Outcome.RETRY_LATER), tuple(Channel.WHATSAPP, Outcome.RETRY_LATER));
    }

    @Test
    void givenMisconfigured_whenDispatched_thenDispatchedMisconfigured() {
        var world = new MessagingWorld();
        world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text("Hello"));
        world.ports.chat().respondWith(new SendResult.Misconfigured("190"));

        world.dispatch();

        assertThat(dispatched(world)).extracting(MessageEvent.Dispatched::outcome)
                .containsExactly(Outcome.MISCONFIGURED);
    }

    @Test
    void givenSmsUndeliverable_whenDispatched_thenDispatchedUndeliverableOnSms() {
        var world = new MessagingWorld();
        world.writer.send(CUSTOMER, Channel.SMS, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text(BotCopy.customerHelp()));
        world.ports.sms().respondWith(new SendResult.Undeliverable("403"));

        world.dispatch();

        assertThat(dispatched(world)).containsExactly(
                new MessageEvent.Dispatched(Channel.SMS, Outcome.UNDELIVERABLE, world.now()));
    }

    @Test
    void givenMessengerThrows_whenDispatched_thenDispatchedRetryLater() {
        var world = new MessagingWorld();
        world.writer.send(CUSTOMER, Channel.SMS, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text(BotCopy.customerHelp()));
        var dispatcher = world.dispatcher(world.ports.outbox(), world.ports.chat(), (to, text) -> {
            throw new IllegalStateException("read timed out");
        });

        dispatcher.dispatch();

        assertThat(dispatched(world)).extracting(MessageEvent.Dispatched::channel, MessageEvent.Dispatched::outcome)
                .containsExactly(tuple(Channel.SMS, Outcome.RETRY_LATER));
    }

    @Test
    void givenInvoicePaidWhileItsMessageWaited_whenDispatched_thenDispatchedSkippedAndNothingSent() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        world.ports.invoices().update(InvoicePayments.paid(invoice, Optional.empty(), world.now()));

        world.dispatch();

        assertThat(dispatched(world)).containsExactly(
                new MessageEvent.Dispatched(Channel.WHATSAPP, Outcome.SKIPPED, world.now()));
    }

    @Test
    void givenRecordingTheAnswerFails_whenDispatched_thenNoDispatchedEventIsTold() {
        var world = new MessagingWorld();
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text(BotCopy.customerHelp()));
        var dispatcher = world.dispatcher(markSentBreaks(world.ports.outbox()), world.ports.chat(), world.ports.sms());

        DispatchReport report = dispatcher.dispatch();

        assertThat(report.errors()).isEqualTo(1);
        assertThat(world.ports.chat().sentTo(CUSTOMER)).hasSize(1);
        assertThat(dispatched(world)).isEmpty();
    }

    @Test
    void givenNothingDue_whenDispatched_thenNoEvent() {
        var world = new MessagingWorld();

        world.dispatch();

        assertThat(world.ports.events().published()).isEmpty();
    }

    @Test
    void givenMessagesWrittenDuringARequest_whenWritten_thenEachCarriesThatRequestsCorrelationId() {
        var world = new MessagingWorld();

        world.ports.tracing().run("req-1", () -> world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY,
                Optional.empty(), OutboundContent.text(BotCopy.customerHelp())));
        world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text("notice"));

        assertThat(world.outbox(CUSTOMER, MessagePurpose.REPLY)).singleElement()
                .satisfies(m -> assertThat(m.correlationId()).contains("req-1"));
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.correlationId()).isEmpty());
    }

    @Test
    void givenMessagesOfTwoRequests_whenDispatched_thenEachIsSentAndRecordedUnderItsOwnCorrelationId() {
        var world = new MessagingWorld();
        world.ports.tracing().run("req-a", () -> world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY,
                Optional.empty(), OutboundContent.text(BotCopy.customerHelp())));
        world.ports.tracing().run("req-b", () -> world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE,
                Optional.empty(), OutboundContent.text("notice")));
        var chat = new TracedChat(world);
        var recordedUnder = new CopyOnWriteArrayList<Optional<String>>();
        var dispatcher = world.dispatcher(recordingMarkSent(world.ports.outbox(), world, recordedUnder), chat,
                world.ports.sms());

        DispatchReport report = dispatcher.dispatch();

        assertThat(report.sent()).isEqualTo(2);
        assertThat(chat.sentUnder).containsExactlyInAnyOrder(
                tuple(CUSTOMER, Optional.of("req-a")), tuple(MERCHANT, Optional.of("req-b")));
        assertThat(recordedUnder).containsExactlyInAnyOrder(Optional.of("req-a"), Optional.of("req-b"));
        assertThat(world.ports.tracing().currentCorrelationId()).as("the dispatcher's own context afterwards")
                .isEmpty();
    }

    @Test
    void givenAMessageWithoutCorrelationId_whenDispatchedUnderAJobsId_thenSentUnderTheJobsIdWhichStaysAfterwards() {
        var world = new MessagingWorld();
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text(BotCopy.customerHelp()));
        world.ports.tracing().run("req-x", () -> world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE,
                Optional.empty(), OutboundContent.text("notice")));
        var chat = new TracedChat(world);
        var dispatcher = world.dispatcher(world.ports.outbox(), chat, world.ports.sms());
        var afterwards = new AtomicReference<Optional<String>>();

        world.ports.tracing().run("job-1", () -> {
            dispatcher.dispatch();
            afterwards.set(world.ports.tracing().currentCorrelationId());
        });

        assertThat(chat.sentUnder).containsExactly(
                tuple(CUSTOMER, Optional.of("job-1")), tuple(MERCHANT, Optional.of("req-x")));
        assertThat(afterwards.get()).contains("job-1");
    }

    @Test
    void givenNotOnWhatsApp_whenFallingBackToSms_thenTheSmsKeepsTheOriginalsCorrelationIdAndIsSentUnderIt() {
        var world = new MessagingWorld();
        world.ports.tracing().run("req-1", world::invoiceQueued);
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text(BotCopy.customerHelp()).withSms("help"));
        world.ports.chat().failFor(CUSTOMER, new SendResult.Undeliverable("131026"));
        var smsUnder = new CopyOnWriteArrayList<Optional<String>>();
        var dispatcher = world.dispatcher(world.ports.outbox(), world.ports.chat(), (to, text) -> {
            smsUnder.add(world.ports.tracing().currentCorrelationId());
            return world.ports.sms().send(to, text);
        });

        // the dispatcher's own context must not leak into the SMS copies
        world.ports.tracing().run("job-1", dispatcher::dispatch);
        world.advance(world.settings.pacing().pairInterval());
        world.ports.tracing().run("job-2", dispatcher::dispatch);
        dispatcher.dispatch();

        assertThat(world.outbox(Channel.SMS)).extracting(OutboxMessage::purpose, OutboxMessage::correlationId)
                .containsExactlyInAnyOrder(tuple(MessagePurpose.INVOICE, Optional.of("req-1")),
                        tuple(MessagePurpose.REPLY, Optional.empty()));
        assertThat(smsUnder).containsExactlyInAnyOrder(Optional.of("req-1"), Optional.empty());
    }

    /** WhatsApp as the in-memory stand-in, noting which correlation id was current at each send. */
    private static final class TracedChat implements ChatMessenger {

        final List<Tuple> sentUnder = new CopyOnWriteArrayList<>();
        private final MessagingWorld world;

        TracedChat(MessagingWorld world) {
            this.world = world;
        }

        @Override
        public SendResult send(ChatMessage message) {
            sentUnder.add(tuple(message.to(), world.ports.tracing().currentCorrelationId()));
            return world.ports.chat().send(message);
        }

        @Override
        public boolean hasInvoiceTemplate() {
            return world.ports.chat().hasInvoiceTemplate();
        }
    }

    /** The outbox, noting which correlation id was current when each send was recorded. */
    private static Outbox recordingMarkSent(Outbox delegate, MessagingWorld world, List<Optional<String>> under) {
        return (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("markSent")) {
                        under.add(world.ports.tracing().currentCorrelationId());
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<MessageEvent.Dispatched> dispatched(MessagingWorld world) {
        return world.ports.events().published(MessageEvent.Dispatched.class);
    }

    /**
     * The outbox, except that {@code markSent} fails, as a database that breaks after the provider took the
     * message. A proxy, so the fake follows the port as it grows.
     */
    private static Outbox markSentBreaks(Outbox delegate) {
        return (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("markSent")) {
                        throw new IllegalStateException("connection reset");
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
