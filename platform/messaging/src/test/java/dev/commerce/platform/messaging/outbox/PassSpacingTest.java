package dev.commerce.platform.messaging.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PassSpacingTest {

    private static final long MS = 1_000_000;
    private final PassSpacing spacing = new PassSpacing(Duration.ofMillis(20));

    @Test
    void a_lone_event_lets_the_next_pass_start_at_once() {
        assertThat(spacing.pauseBeforeNextPass(0, 1, false, 4 * MS)).isZero();
    }

    @Test
    void a_pass_that_published_several_events_makes_the_next_one_wait_for_the_rest_of_the_spacing() {
        assertThat(spacing.pauseBeforeNextPass(0, 3, false, 4 * MS)).isEqualTo(16 * MS);
    }

    @Test
    void commits_during_a_pass_make_the_next_one_wait_too() {
        assertThat(spacing.pauseBeforeNextPass(0, 1, true, 5 * MS)).isEqualTo(15 * MS);
    }

    @Test
    void a_pass_that_took_longer_than_the_spacing_is_followed_at_once() {
        assertThat(spacing.pauseBeforeNextPass(0, 50, true, 25 * MS)).isZero();
    }

    @Test
    void a_pass_that_found_nothing_never_delays_the_next() {
        assertThat(spacing.pauseBeforeNextPass(0, 0, true, 1 * MS)).isZero();
        assertThat(spacing.pauseBeforeNextPass(0, OutboxRelay.LOCKED_ELSEWHERE, true, 1 * MS)).isZero();
    }

    @Test
    void no_spacing_configured_means_no_pause() {
        assertThat(new PassSpacing(Duration.ZERO).pauseBeforeNextPass(0, 10, true, 1 * MS)).isZero();
    }
}
