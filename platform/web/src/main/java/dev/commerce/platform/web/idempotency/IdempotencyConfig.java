package dev.commerce.platform.web.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "commerce.idempotency")
public interface IdempotencyConfig {

    /** How long a response is replayed for its Idempotency-Key. */
    @WithDefault("PT24H")
    Duration retention();
}
