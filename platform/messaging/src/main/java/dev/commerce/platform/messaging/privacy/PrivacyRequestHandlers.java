package dev.commerce.platform.messaging.privacy;

import dev.commerce.contracts.EventTypes;
import dev.commerce.platform.messaging.inbox.EventHandlers;

import java.util.UUID;

/** The typed handlers of customer-service's privacy requests (customer.privacy.v1), the same in every service. */
public final class PrivacyRequestHandlers {

    /** An export or erasure request: whom it is about, and the address their guest records carry. */
    public record PrivacyRequest(UUID requestId, UUID customerId, String email) {
        public PrivacyRequest {
            if (requestId == null || customerId == null) {
                throw new IllegalArgumentException("a privacy request needs requestId and customerId");
            }
        }
    }

    /** What a service does with a request (one use case of its application layer). */
    @FunctionalInterface
    public interface UseCase {
        void apply(UUID requestId, UUID customerId, String email);
    }

    private PrivacyRequestHandlers() {
    }

    public static EventHandlers of(UseCase export, UseCase erase) {
        return EventHandlers.builder()
                .on(EventTypes.PRIVACY_EXPORT_REQUESTED, PrivacyRequest.class, (request, event) ->
                        export.apply(request.requestId(), request.customerId(), request.email()))
                .on(EventTypes.CUSTOMER_ERASED, PrivacyRequest.class, (request, event) ->
                        erase.apply(request.requestId(), request.customerId(), request.email()))
                .build();
    }
}
