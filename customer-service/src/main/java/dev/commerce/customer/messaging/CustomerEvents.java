package dev.commerce.customer.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.customer.domain.Customer;
import dev.commerce.platform.messaging.outbox.EventType;
import dev.commerce.platform.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What customer-service announces, through the outbox in the transaction of the change (key = customer id):
 * account state on the compacted {@code customer.v1} that partners read, and the mails to send on
 * {@code customer.notification.v1}, which only the mailer reads and which keeps its events a short time (the links
 * in them are secrets). Payloads: contracts/schemas/customer/.
 */
@ApplicationScoped
public class CustomerEvents {

    public record Upserted(UUID customerId, String email, String name, boolean emailVerified, String status,
                           List<String> groups, int confirmedOrders, Instant createdAt, Instant updatedAt) {
    }

    /** A mail with a one-time link: {@code token} goes into the link the mailer builds. */
    public record LinkMail(UUID customerId, String email, String name, String token, Instant expiresAt) {
    }

    /** Someone tried to sign up with an address that has an account: the owner is told, the caller is not. */
    public record AlreadyRegistered(UUID customerId, String email, String name) {
    }

    public record PrivacyExportRequested(UUID requestId, UUID customerId, String email, Instant requestedAt) {
    }

    public record CustomerErased(UUID requestId, UUID customerId, String email, Instant erasedAt) {
    }

    private final Outbox outbox;

    public CustomerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void upserted(Customer customer) {
        outbox.record(Topics.CUSTOMER, EventType.of(EventTypes.CUSTOMER_UPSERTED), customer.id().toString(),
                new Upserted(customer.id(), customer.email(), customer.name(), customer.emailVerified(),
                        customer.status().name(), customer.groups(), customer.confirmedOrders(), customer.createdAt(),
                        customer.updatedAt()));
    }

    public void emailVerificationRequested(Customer customer, String token, Instant expiresAt) {
        notify(customer, EventTypes.EMAIL_VERIFICATION_REQUESTED,
                new LinkMail(customer.id(), customer.email(), customer.name(), token, expiresAt));
    }

    public void passwordResetRequested(Customer customer, String token, Instant expiresAt) {
        notify(customer, EventTypes.PASSWORD_RESET_REQUESTED,
                new LinkMail(customer.id(), customer.email(), customer.name(), token, expiresAt));
    }

    public void signUpWithRegisteredEmail(Customer customer) {
        notify(customer, EventTypes.SIGN_UP_WITH_REGISTERED_EMAIL,
                new AlreadyRegistered(customer.id(), customer.email(), customer.name()));
    }

    public void privacyExportRequested(UUID requestId, Customer customer, Instant now) {
        outbox.record(Topics.CUSTOMER_PRIVACY, EventType.of(EventTypes.PRIVACY_EXPORT_REQUESTED), customer.id().toString(),
                new PrivacyExportRequested(requestId, customer.id(), customer.email(), now));
    }

    /** The account is gone: a tombstone forgets it on customer.v1, and every service is asked to erase it. */
    public void erased(UUID requestId, Customer customer, Instant now) {
        EventType type = EventType.of(EventTypes.CUSTOMER_ERASED);
        outbox.recordTombstone(Topics.CUSTOMER, type, customer.id().toString());
        outbox.record(Topics.CUSTOMER_PRIVACY, type, customer.id().toString(),
                new CustomerErased(requestId, customer.id(), customer.email(), now));
    }

    private void notify(Customer customer, String type, Object payload) {
        outbox.record(Topics.CUSTOMER_NOTIFICATION, EventType.of(type), customer.id().toString(), payload);
    }
}
