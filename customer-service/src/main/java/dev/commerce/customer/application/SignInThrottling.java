package dev.commerce.customer.application;

import dev.commerce.customer.config.CustomerConfig;
import dev.commerce.customer.domain.SignInThrottle;
import dev.commerce.customer.persistence.SignInFailureRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Failed sign-ins slow down guessing: per account (by e-mail address, whether it has an account or not, so the
 * answer reveals nothing) and per client address (one client trying many accounts). Counted in the database, so
 * every instance of the service sees the same counts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SignInThrottling {

    private final SignInFailureRepository failures;
    private final SignInThrottle perAccount;
    private final SignInThrottle perAddress;

    public SignInThrottling(SignInFailureRepository failures, CustomerConfig config) {
        this.failures = failures;
        this.perAccount = new SignInThrottle(config.signIn().accountFailures(), config.signIn().window());
        this.perAddress = new SignInThrottle(config.signIn().addressFailures(), config.signIn().window());
    }

    /** Refuses the attempt with 429 and {@code Retry-After} while the account or the client address must wait. */
    public void check(String normalisedEmail, String clientAddress, Instant now) {
        Optional<Duration> wait = wait(accountSubject(normalisedEmail), perAccount, now);
        if (wait.isEmpty() && clientAddress != null) {
            wait = wait(addressSubject(clientAddress), perAddress, now);
        }
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ProblemException(429, "too-many-sign-in-attempts", "Too many sign-in attempts",
                    "too many failed sign-ins; try again in " + seconds + " s or reset the password")
                    .withHeader("Retry-After", String.valueOf(seconds)).with("retryAfterSeconds", seconds);
        }
    }

    public void recordFailure(String normalisedEmail, String clientAddress, Instant now) {
        List<String> subjects = new ArrayList<>(List.of(accountSubject(normalisedEmail)));
        if (clientAddress != null) {
            subjects.add(addressSubject(clientAddress));
        }
        failures.record(subjects, now);
    }

    /** A successful sign-in or a password reset lifts the account's count (not the client address's). */
    public void clearAccount(String normalisedEmail) {
        failures.clear(accountSubject(normalisedEmail));
    }

    /** Removes failures too old to count. */
    public int forgetBefore(Instant now) {
        return failures.deleteBefore(perAccount.windowStart(now).isBefore(perAddress.windowStart(now))
                ? perAccount.windowStart(now) : perAddress.windowStart(now));
    }

    private Optional<Duration> wait(String subject, SignInThrottle throttle, Instant now) {
        return throttle.retryAfter(failures.since(subject, throttle.windowStart(now)), now);
    }

    /** Subjects are stored as hashes: the table never holds an address (an erased customer's, or a stranger's). */
    private static String accountSubject(String normalisedEmail) {
        return "account:" + SecretTokens.hash(normalisedEmail);
    }

    private static String addressSubject(String clientAddress) {
        return "address:" + SecretTokens.hash(clientAddress);
    }
}
