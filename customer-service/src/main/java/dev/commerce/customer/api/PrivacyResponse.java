package dev.commerce.customer.api;

import dev.commerce.customer.application.PrivacyRequests;
import dev.commerce.customer.domain.PrivacyRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A privacy request and how far each service has answered it. */
@Schema(name = "PrivacyRequest")
public record PrivacyResponse(
        @Schema(examples = "6e5d4c3b-2a19-4f8e-8d7c-6b5a4f3e2d1c") UUID id,
        UUID customerId,
        PrivacyRequest.Kind kind,
        @Schema(description = "EXPORT: PENDING, then READY to download; ERASURE: PENDING, then COMPLETED") PrivacyRequest.Status status,
        @Schema(description = "Per service: whether it has answered whole", examples = "{\"customer-service\":true,\"cart-service\":false}")
        Map<String, Boolean> services,
        Instant requestedAt,
        Instant completedAt,
        @Schema(examples = "/customers/me/privacy-exports/6e5d4c3b-2a19-4f8e-8d7c-6b5a4f3e2d1c/document", description = "Where the export is downloaded once READY") String document) {

    static PrivacyResponse of(PrivacyRequests.Progress progress, String documentPath) {
        PrivacyRequest request = progress.request();
        return new PrivacyResponse(request.id(), request.customerId(), request.kind(), request.status(), progress.services(),
                request.requestedAt(), request.completedAt(), request.kind() == PrivacyRequest.Kind.EXPORT ? documentPath : null);
    }
}
