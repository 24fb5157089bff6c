package dev.commerce.system;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import io.restassured.path.json.JsonPath;

/**
 * The partner's mailer on a launched platform: reads customer.notification.v1 on the platform's broker, as the only
 * reader of the one-time tokens that the API never returns.
 */
final class Mailer {

    private final String bootstrapServers;

    Mailer(String kafkaPort) {
        this.bootstrapServers = "127.0.0.1:" + kafkaPort;
    }

    /** The one-time token of the newest e-mail verification mail to {@code email}. */
    String verificationToken(String email) {
        try (EventProbe probe = EventProbe.of(bootstrapServers, Topics.CUSTOMER_NOTIFICATION)) {
            EventProbe.ReceivedEvent mail = probe.awaitEvent(e -> EventTypes.EMAIL_VERIFICATION_REQUESTED.equals(e.header("ce_type"))
                    && email.equals(JsonPath.from(e.payload()).getString("email")), Shop.DEADLINE);
            EventContracts.assertValidPayload(mail.header("ce_type"), mail.payload());
            return JsonPath.from(mail.payload()).getString("token");
        }
    }
}
