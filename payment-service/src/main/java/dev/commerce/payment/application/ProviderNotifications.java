package dev.commerce.payment.application;

import dev.commerce.payment.config.PaymentConfig;
import dev.commerce.payment.provider.NotificationSignatures;
import dev.commerce.payment.provider.ProviderGateway;
import dev.commerce.payment.provider.ProviderNotification;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A provider's asynchronous notification: trusted only with a valid HMAC signature over the raw body with that
 * provider's secret, then applied to its payment once (a replayed notification id changes nothing).
 */
@ApplicationScoped
public class ProviderNotifications {

    /** The header that carries {@code sha256=<hex HMAC-SHA256 of the raw body>}. */
    public static final String SIGNATURE_HEADER = NotificationSignatures.HEADER;
    private static final Logger LOG = Logger.getLogger(ProviderNotifications.class);

    /** What a notification says, read from its body by the API. */
    public record Notice(String notificationId, String reference, String outcome, String reasonCode, String cardLast4) {
    }

    private final Payments payments;
    private final ProviderGateway providers;
    private final PaymentConfig config;

    public ProviderNotifications(Payments payments, ProviderGateway providers, PaymentConfig config) {
        this.payments = payments;
        this.providers = providers;
        this.config = config;
    }

    /** Refuses an unknown provider (404) and a missing or wrong signature (401) before anything is read. */
    public void requireSigned(String provider, byte[] body, String signature) {
        if (!providers.knows(provider)) {
            throw ProblemException.notFound("payment provider", provider);
        }
        if (!NotificationSignatures.verify(config.notificationSecrets().get(provider), body, signature)) {
            LOG.warnf("Refused a notification for %s with a missing or wrong signature", provider);
            throw new ProblemException(401, "invalid-signature", "Invalid signature",
                    "the notification is not signed with this provider's secret");
        }
    }

    /** Applies a signed notification; false for a replay. */
    public boolean apply(String provider, Notice notice) {
        return payments.notified(provider, new ProviderNotification(notice.notificationId(), notice.reference(),
                notice.outcome(), notice.reasonCode(), notice.cardLast4()));
    }
}
