package dev.commerce.customer.application;

import dev.commerce.customer.domain.Customer;
import dev.commerce.customer.domain.EmailAddress;
import dev.commerce.customer.persistence.CustomerRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in with e-mail and password. One answer for an unknown address and a wrong password, in about the same time
 * (an unknown address is checked against a decoy hash); failures count toward the throttle and are kept although
 * the call fails.
 */
@ApplicationScoped
public class SignIns {

    private final CustomerRepository customers;
    private final PasswordHasher hasher;
    private final SignInThrottling throttling;
    private final Sessions sessions;
    private final Clock clock;

    public SignIns(CustomerRepository customers, PasswordHasher hasher, SignInThrottling throttling, Sessions sessions,
                   Clock clock) {
        this.customers = customers;
        this.hasher = hasher;
        this.throttling = throttling;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** {@code clientAddress}: the caller's IP address (null when unknown), throttled on its own. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public IssuedSession signIn(String email, String password, String clientAddress) {
        Instant now = Instant.now(clock);
        String normalised = EmailAddress.normalise(email);
        throttling.check(normalised, clientAddress, now);
        Optional<Customer> account = customers.findByEmail(normalised);
        boolean valid = account.isPresent() ? hasher.matches(password, account.get().passwordHash()) : decoy(password);
        if (!valid) {
            throttling.recordFailure(normalised, clientAddress, now);
            throw new ProblemException(401, "invalid-credentials", "Invalid credentials",
                    "the e-mail address or the password is wrong");
        }
        throttling.clearAccount(normalised);
        Customer customer = account.get();
        if (customer.blocked()) {
            throw blocked();
        }
        if (hasher.needsRehash(customer.passwordHash())) {
            customer.upgradePasswordHash(hasher.hash(password));
        }
        return sessions.open(customer, now);
    }

    private boolean decoy(String password) {
        hasher.matchDecoy(password);
        return false;
    }

    static ProblemException blocked() {
        return new ProblemException(403, "account-blocked", "Account blocked",
                "this account is blocked; contact the shop");
    }
}
