package dev.commerce.payment.api;

import dev.commerce.payment.domain.BlocklistEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "BlocklistEntry")
public record BlocklistEntryResponse(UUID id, BlocklistEntry.Kind kind, @Schema(examples = "fraud@example.com") String value, @Schema(examples = "Chargebacks on three orders") String reason, @Schema(examples = "admin-1") String createdBy,
                                     Instant createdAt) {

    static BlocklistEntryResponse of(BlocklistEntry entry) {
        return new BlocklistEntryResponse(entry.id(), entry.kind(), entry.value(), entry.reason(), entry.createdBy(),
                entry.createdAt());
    }
}
