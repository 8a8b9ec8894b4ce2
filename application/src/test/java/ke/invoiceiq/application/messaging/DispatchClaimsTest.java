package ke.invoiceiq.application.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import ke.invoiceiq.domain.messaging.SendResult;
import org.junit.jupiter.api.Test;

/**
 * Claims and leases with a slow provider and a second dispatcher: the lease is renewed before each send, a message
 * whose claim ran out and was taken by another dispatcher is left to it, and a late answer changes nothing.
 */
class DispatchClaimsTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void givenASlowProviderAndASecondDispatcher_whenABatchOutlivesItsFirstLease_thenEachPersonGetsTheirMessageOnce() {
        var world = new MessagingWorld();
        for (int i = 0; i < 4; i++) {
            world.writer.toCustomer(MessagingWorld.customer(i), MessagePurpose.REPLY, Optional.empty(),
                    OutboundContent.text("Answer " + i));
        }
        var phones = new ArrayList<Msisdn>();
        // one send at a time, so the batch's later messages wait past their first lease: the shared test clock
        // cannot play sends side by side (each would move it for all); DispatchConcurrencyTest covers those
        var settings = new DispatchSettings(50, LEASE, 8, Duration.ofSeconds(5), Duration.ofMinutes(30),
                DispatchSettings.META_LIMITS, 1);
        var fast = world.dispatcher(world.ports.outbox(), recorded(world, phones, Duration.ZERO, null),
                world.ports.sms(), settings);
        // each send takes 50 s, during which the other instance runs once
        var slow = world.dispatcher(world.ports.outbox(), recorded(world, phones, Duration.ofSeconds(50), fast),
                world.ports.sms(), settings);

        DispatchReport slowRun = slow.dispatch();

        Map<Msisdn, Long> perPerson = phones.stream().collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        assertThat(perPerson).hasSize(4);
        assertThat(perPerson.values()).containsOnly(1L);
        assertThat(slowRun.lost()).as("the ones the other instance took once their lease ran out").isPositive();
        assertThat(world.outbox()).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(m.attempts()).isEqualTo(1);
        });
    }

    @Test
    void givenASendThatOutlivedItsLeaseWhileAnotherDispatcherTookTheMessage_whenTheAnswerComes_thenNothingIsOverwritten() {
        var world = new MessagingWorld();
        world.writer.toCustomer(MessagingWorld.CUSTOMER, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text("Answer"));
        var settings = new DispatchSettings(50, LEASE, 8, Duration.ofSeconds(5), Duration.ofMinutes(30));
        var phones = new ArrayList<Msisdn>();
        ChatMessenger meanwhileTakenAndSent = new ChatMessenger() {
            @Override
            public SendResult send(ChatMessage message) {
                phones.add(message.to());
                // the provider hangs past the lease; another instance claims the message and sends it
                world.advance(LEASE.plusSeconds(1));
                List<OutboxMessage> taken = world.ports.outbox().claimDue("other", world.now(), LEASE, 10);
                taken.forEach(m -> world.ports.outbox().markSent(m.id(), "other", m.channel(), "wamid.other",
                        world.now()));
                return new SendResult.RetryLater("timeout", Optional.empty());
            }

            @Override
            public boolean hasInvoiceTemplate() {
                return false;
            }
        };

        DispatchReport run = world.dispatcher(world.ports.outbox(), meanwhileTakenAndSent, world.ports.sms(), settings)
                .dispatch();

        assertThat(run.lost()).isEqualTo(1);
        assertThat(run.retried()).isZero();
        OutboxMessage reply = world.outbox().getFirst();
        assertThat(reply.status()).as("not put back to PENDING by the late answer").isEqualTo(OutboxStatus.SENT);
        assertThat(reply.providerMessageId()).contains("wamid.other");
        assertThat(reply.attempts()).isEqualTo(1);
    }

    /** WhatsApp as the in-memory stand-in that takes {@code slowness} per send and lets {@code meanwhile} run. */
    private static ChatMessenger recorded(MessagingWorld world, List<Msisdn> phones, Duration slowness,
            DispatchOutboxService meanwhile) {
        return new ChatMessenger() {
            @Override
            public SendResult send(ChatMessage message) {
                phones.add(message.to());
                world.advance(slowness);
                if (meanwhile != null) {
                    meanwhile.dispatch();
                }
                return world.ports.chat().send(message);
            }

            @Override
            public boolean hasInvoiceTemplate() {
                return false;
            }
        };
    }
}
