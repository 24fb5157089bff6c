package dev.commerce.customer.application;

import dev.commerce.customer.config.CustomerConfig;
import dev.commerce.customer.domain.Customer;
import dev.commerce.customer.domain.CustomerRuleViolation;
import dev.commerce.customer.domain.EmailAddress;
import dev.commerce.customer.domain.OneTimeToken;
import dev.commerce.customer.domain.PasswordPolicy;
import dev.commerce.customer.domain.Session;
import dev.commerce.customer.messaging.CustomerEvents;
import dev.commerce.customer.persistence.CustomerRepository;
import dev.commerce.customer.persistence.OneTimeTokenRepository;
import dev.commerce.platform.web.persistence.AdvisoryLocks;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Accounts and their credentials: sign-up, e-mail verification, password reset and change. No answer tells whether
 * an address has an account: sign-up and reset requests answer alike, and the owner of the address learns by mail
 * (events on customer.notification.v1) what was asked.
 */
@ApplicationScoped
@Transactional
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class);
    /** Advisory lock space of sign-ups by e-mail address: two sign-ups of one address take turns. */
    private static final int SIGN_UP_LOCKS = 0x0c05_7001;

    private final CustomerRepository customers;
    private final OneTimeTokenRepository oneTimeTokens;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final SignInThrottling throttling;
    private final CustomerEvents events;
    private final AdvisoryLocks locks;
    private final CustomerConfig config;
    private final Clock clock;

    public Accounts(CustomerRepository customers, OneTimeTokenRepository oneTimeTokens, PasswordHasher hasher,
                    Sessions sessions, SignInThrottling throttling, CustomerEvents events, AdvisoryLocks locks,
                    CustomerConfig config, Clock clock) {
        this.customers = customers;
        this.oneTimeTokens = oneTimeTokens;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttling = throttling;
        this.events = events;
        this.locks = locks;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens an unverified account and mails a verification link; for an address that has an account, the owner is
     * told instead and nothing changes. The password is hashed either way, so both take the same time.
     */
    public void signUp(String email, String password, String name) {
        Instant now = Instant.now(clock);
        String normalised = EmailAddress.normalise(email);
        PasswordPolicy.check(password, normalised);
        String passwordHash = hasher.hash(password);
        locks.lock(SIGN_UP_LOCKS, normalised.hashCode());
        customers.findByEmail(normalised).ifPresentOrElse(existing -> {
            LOG.infof("Sign-up for the registered account %s: its owner is told", existing.id());
            events.signUpWithRegisteredEmail(existing);
        }, () -> {
            Customer customer = new Customer(UUID.randomUUID(), normalised, name, passwordHash, now);
            customers.persist(customer);
            events.upserted(customer);
            sendVerification(customer, now);
            LOG.infof("Customer %s signed up", customer.id());
        });
    }

    /** Mails a new verification link (earlier ones stop working); nothing for a verified address. */
    public void requestEmailVerification(UUID customerId) {
        Customer customer = customers.findByIdOptional(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        if (!customer.emailVerified()) {
            sendVerification(customer, Instant.now(clock));
        }
    }

    public Customer confirmEmail(String token) {
        Instant now = Instant.now(clock);
        OneTimeToken oneTime = oneTimeTokens.findByIdOptional(SecretTokens.hash(token)).orElseThrow(OneTimeToken::invalid);
        Customer customer = lockedCustomer(oneTime.customerId());
        oneTime.redeem(OneTimeToken.Purpose.EMAIL_VERIFICATION, customer, now);
        customer.verifyEmail(now);
        events.upserted(customer);
        return customer;
    }

    /** Mails a reset link when the address has an active account; the same answer either way. */
    public void requestPasswordReset(String email) {
        Instant now = Instant.now(clock);
        customers.findByEmail(EmailAddress.normalise(email)).filter(customer -> !customer.blocked()).ifPresent(customer -> {
            oneTimeTokens.retireUnused(customer.id(), OneTimeToken.Purpose.PASSWORD_RESET, now);
            String token = SecretTokens.newToken();
            Instant expiresAt = now.plus(config.passwordResetLifetime());
            oneTimeTokens.persist(new OneTimeToken(SecretTokens.hash(token), customer.id(),
                    OneTimeToken.Purpose.PASSWORD_RESET, customer.email(), expiresAt));
            events.passwordResetRequested(customer, token, expiresAt);
        });
    }

    /**
     * Sets a new password from a reset link: every session ends, the throttle of the account is lifted, and the
     * address counts as verified (the link reached it).
     */
    public void resetPassword(String token, String newPassword) {
        Instant now = Instant.now(clock);
        OneTimeToken oneTime = oneTimeTokens.findByIdOptional(SecretTokens.hash(token)).orElseThrow(OneTimeToken::invalid);
        Customer customer = lockedCustomer(oneTime.customerId());
        oneTime.redeem(OneTimeToken.Purpose.PASSWORD_RESET, customer, now);
        PasswordPolicy.check(newPassword, customer.email());
        customer.changePassword(hasher.hash(newPassword), now);
        customer.verifyEmail(now);
        sessions.endAll(customer.id(), null, Session.EndReason.PASSWORD_RESET, now);
        throttling.clearAccount(customer.email());
        events.upserted(customer);
        LOG.infof("Customer %s reset the password: every session ended", customer.id());
    }

    /** Changes the password of a signed-in customer, who proves it with the current one; other sessions end. */
    public void changePassword(UUID customerId, UUID currentSession, String currentPassword, String newPassword) {
        Instant now = Instant.now(clock);
        Customer customer = lockedCustomer(customerId);
        if (!hasher.matches(currentPassword, customer.passwordHash())) {
            throw new CustomerRuleViolation(CustomerRuleViolation.Kind.UNPROCESSABLE, "wrong-password",
                    "the current password is wrong");
        }
        PasswordPolicy.check(newPassword, customer.email());
        customer.changePassword(hasher.hash(newPassword), now);
        sessions.endAll(customer.id(), currentSession, Session.EndReason.PASSWORD_CHANGED, now);
        LOG.infof("Customer %s changed the password: other sessions ended", customer.id());
    }

    private void sendVerification(Customer customer, Instant now) {
        oneTimeTokens.retireUnused(customer.id(), OneTimeToken.Purpose.EMAIL_VERIFICATION, now);
        String token = SecretTokens.newToken();
        Instant expiresAt = now.plus(config.emailVerificationLifetime());
        oneTimeTokens.persist(new OneTimeToken(SecretTokens.hash(token), customer.id(),
                OneTimeToken.Purpose.EMAIL_VERIFICATION, customer.email(), expiresAt));
        events.emailVerificationRequested(customer, token, expiresAt);
    }

    private Customer lockedCustomer(UUID id) {
        return customers.lock(id).orElseThrow(() -> ProblemException.notFound("customer", id));
    }
}
