package dev.commerce.platform.messaging.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "commerce.inbox")
public interface InboxConfig {

    /** Whether this instance consumes (off only for tests that must hold events back). */
    @WithDefault("true")
    boolean enabled();

    /** Attempts of a failing handler before its event goes to the dead-letter topic. */
    @WithDefault("4")
    int maxAttempts();

    /** Pause after the first failed attempt; it doubles with each further attempt. */
    @WithDefault("PT0.2S")
    Duration retryBackoff();

    /** How long applied event ids are remembered; redeliveries come within minutes, so a week is ample. */
    @WithDefault("P7D")
    Duration deduplicationWindow();
}
