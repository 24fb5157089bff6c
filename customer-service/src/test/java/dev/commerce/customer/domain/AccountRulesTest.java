package dev.commerce.customer.domain;

import dev.commerce.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account rules in plain Java: addresses, the password policy, refresh rotation, one-time tokens, throttling. */
class AccountRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void email_addresses_are_trimmed_and_lower_case_and_must_look_like_one() {
        assertThat(EmailAddress.normalise("  Ana.Kowalska@Example.COM ")).isEqualTo("ana.kowalska@example.com");
        for (String invalid : new String[]{"", "ana", "ana@", "@example.com", "ana@example", "a b@example.com", "a@b@c.de"}) {
            assertThatThrownBy(() -> EmailAddress.normalise(invalid)).as(invalid)
                    .isInstanceOfSatisfying(RuleViolation.class, v -> {
                        assertThat(v.rule()).isEqualTo("invalid-email");
                        assertThat(v.field()).isEqualTo("email");
                    });
        }
    }

    @Test
    void the_password_policy_names_every_requirement_a_password_breaks() {
        PasswordPolicy.check("correct horse battery staple", "ana@example.com");
        PasswordPolicy.check("żółć gęślą jaźń", "ana@example.com");
        assertThatThrownBy(() -> PasswordPolicy.check("short", "ana@example.com"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.rule()).isEqualTo("password-policy");
                    assertThat(v.field()).isEqualTo("password");
                    assertThat(v.details().get("requirements")).asList().containsExactly("at least 10 characters");
                });
        assertBroken("Password123", "not a commonly used password");
        assertBroken("aaaaaaaaaaaa", "not one character repeated");
        assertBroken("kowalska2026!", "not containing the e-mail address");
        assertBroken("x".repeat(129) + "y", "at most 128 characters");
    }

    private static void assertBroken(String password, String requirement) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "kowalska@example.com"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.details().get("requirements")).asList().contains(requirement));
    }

    @Test
    void a_refresh_token_rotates_once_and_its_reuse_is_recognised() {
        Session session = new Session(UUID.randomUUID(), NOW);
        RefreshToken token = new RefreshToken("hash", session.id(), NOW, NOW.plus(Duration.ofDays(30)));

        assertThat(token.use(session, NOW.plusSeconds(60))).isEqualTo(RefreshToken.Use.ROTATED);
        assertThat(token.use(session, NOW.plusSeconds(61))).isEqualTo(RefreshToken.Use.REUSED);
        session.end(Session.EndReason.TOKEN_REUSED, NOW.plusSeconds(61));
        assertThat(token.use(session, NOW.plusSeconds(62))).isEqualTo(RefreshToken.Use.SESSION_ENDED);
        assertThat(session.revokedReason()).isEqualTo("TOKEN_REUSED");
    }

    @Test
    void an_expired_refresh_token_or_one_of_an_ended_session_does_not_rotate() {
        Session session = new Session(UUID.randomUUID(), NOW);
        RefreshToken expired = new RefreshToken("a", session.id(), NOW, NOW.plusSeconds(10));
        assertThat(expired.use(session, NOW.plusSeconds(10))).isEqualTo(RefreshToken.Use.EXPIRED);

        RefreshToken fresh = new RefreshToken("b", session.id(), NOW, NOW.plusSeconds(600));
        session.end(Session.EndReason.SIGNED_OUT, NOW.plusSeconds(1));
        session.end(Session.EndReason.BLOCKED, NOW.plusSeconds(2));
        assertThat(fresh.use(session, NOW.plusSeconds(3))).isEqualTo(RefreshToken.Use.SESSION_ENDED);
        assertThat(session.revokedReason()).as("the first reason stays").isEqualTo("SIGNED_OUT");
    }

    @Test
    void a_one_time_token_works_once_for_its_purpose_and_address_before_it_expires() {
        Customer customer = new Customer(UUID.randomUUID(), "ana@example.com", "Ana", "$hash", NOW);
        OneTimeToken token = new OneTimeToken("h", customer.id(), OneTimeToken.Purpose.EMAIL_VERIFICATION,
                "ana@example.com", NOW.plus(Duration.ofDays(2)));

        assertThatThrownBy(() -> token.redeem(OneTimeToken.Purpose.PASSWORD_RESET, customer, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("invalid-token"));
        token.redeem(OneTimeToken.Purpose.EMAIL_VERIFICATION, customer, NOW);
        assertThatThrownBy(() -> token.redeem(OneTimeToken.Purpose.EMAIL_VERIFICATION, customer, NOW))
                .as("used").isInstanceOf(RuleViolation.class);

        OneTimeToken late = new OneTimeToken("i", customer.id(), OneTimeToken.Purpose.PASSWORD_RESET,
                "ana@example.com", NOW.plusSeconds(60));
        assertThatThrownBy(() -> late.redeem(OneTimeToken.Purpose.PASSWORD_RESET, customer, NOW.plusSeconds(60)))
                .as("expired").isInstanceOf(RuleViolation.class);

        OneTimeToken elsewhere = new OneTimeToken("j", customer.id(), OneTimeToken.Purpose.PASSWORD_RESET,
                "old@example.com", NOW.plusSeconds(600));
        assertThatThrownBy(() -> elsewhere.redeem(OneTimeToken.Purpose.PASSWORD_RESET, customer, NOW))
                .as("sent to an address the account no longer has").isInstanceOf(RuleViolation.class);
    }

    @Test
    void the_throttle_waits_until_enough_failures_left_the_window() {
        SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15));
        List<Instant> two = List.of(NOW.minusSeconds(100), NOW.minusSeconds(50));
        assertThat(throttle.retryAfter(two, NOW)).isEmpty();

        List<Instant> four = List.of(NOW.minusSeconds(800), NOW.minusSeconds(700), NOW.minusSeconds(100), NOW.minusSeconds(10));
        // down to two failures once the two oldest have left: the second oldest leaves 900 - 700 = 200 s from now
        assertThat(throttle.retryAfter(four, NOW)).contains(Duration.ofSeconds(200));

        List<Instant> leaving = List.of(NOW.minusSeconds(900).plusMillis(200), NOW.minusSeconds(5), NOW.minusSeconds(1));
        assertThat(throttle.retryAfter(leaving, NOW)).as("at least a second").contains(Duration.ofSeconds(1));
    }
}
