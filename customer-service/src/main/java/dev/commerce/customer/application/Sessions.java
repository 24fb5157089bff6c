package dev.commerce.customer.application;

import dev.commerce.customer.config.CustomerConfig;
import dev.commerce.customer.domain.Customer;
import dev.commerce.customer.domain.RefreshToken;
import dev.commerce.customer.domain.Session;
import dev.commerce.customer.persistence.CustomerRepository;
import dev.commerce.customer.persistence.SessionRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sessions of signed-in customers: opening one, refreshing it (each refresh token is good once; a replayed one ends
 * the session, since two parties hold it), and ending one or all of them.
 */
@ApplicationScoped
@Transactional
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    /** Ended sessions are kept this long (their tokens' reuse is recognised meanwhile), then deleted. */
    private static final Duration ENDED_SESSION_RETENTION = Duration.ofDays(30);

    private final SessionRepository sessions;
    private final CustomerRepository customers;
    private final AccessTokens accessTokens;
    private final Duration refreshLifetime;
    private final Clock clock;

    public Sessions(SessionRepository sessions, CustomerRepository customers, AccessTokens accessTokens,
                    CustomerConfig config, Clock clock) {
        this.sessions = sessions;
        this.customers = customers;
        this.accessTokens = accessTokens;
        this.refreshLifetime = config.refreshTokenLifetime();
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedSession open(Customer customer, Instant now) {
        Session session = new Session(customer.id(), now);
        sessions.persist(session);
        return issue(session, now);
    }

    /**
     * A new access token and the next refresh token for a valid refresh token. The end of a session for a replayed
     * token is kept although the call fails: it is why the call fails.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public IssuedSession refresh(String refreshToken) {
        Instant now = Instant.now(clock);
        SessionRepository.Locked presented = sessions.lockByToken(SecretTokens.hash(refreshToken))
                .orElseThrow(Sessions::invalidRefreshToken);
        Session session = presented.session();
        switch (presented.token().use(session, now)) {
            case ROTATED -> {
                Customer customer = customers.findByIdOptional(session.customerId()).orElseThrow(Sessions::invalidRefreshToken);
                if (customer.blocked()) {
                    session.end(Session.EndReason.BLOCKED, now);
                    throw SignIns.blocked();
                }
                session.refreshed(now);
                return issue(session, now);
            }
            case REUSED -> {
                session.end(Session.EndReason.TOKEN_REUSED, now);
                LOG.warnf("A rotated refresh token of session %s was presented again: the session is ended", session.id());
                throw new ProblemException(401, "refresh-token-reused", "Refresh token reused",
                        "this refresh token was already used; the session is ended for safety: sign in again");
            }
            default -> throw invalidRefreshToken();
        }
    }

    /** Ends the session of {@code refreshToken}; an unknown or ended one changes nothing (sign-out is idempotent). */
    public void signOut(String refreshToken) {
        Instant now = Instant.now(clock);
        sessions.lockByToken(SecretTokens.hash(refreshToken))
                .ifPresent(presented -> presented.session().end(Session.EndReason.SIGNED_OUT, now));
    }

    /** Ends every session of the customer (their access tokens stay valid until they expire, minutes later). */
    public void signOutEverywhere(UUID customerId) {
        endAll(customerId, null, Session.EndReason.SIGNED_OUT_EVERYWHERE, Instant.now(clock));
    }

    /** Ends the customer's sessions but {@code keep} (null: all of them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endAll(UUID customerId, UUID keep, Session.EndReason reason, Instant now) {
        sessions.activeOf(customerId).stream().filter(session -> !session.id().equals(keep))
                .forEach(session -> session.end(reason, now));
    }

    /** Housekeeping: expired tokens, and sessions ended more than 30 days ago. */
    public int deleteExpired() {
        Instant now = Instant.now(clock);
        return sessions.deleteExpired(now, now.minus(ENDED_SESSION_RETENTION));
    }

    private IssuedSession issue(Session session, Instant now) {
        String refreshToken = SecretTokens.newToken();
        Instant expiresAt = now.plus(refreshLifetime);
        sessions.addToken(new RefreshToken(SecretTokens.hash(refreshToken), session.id(), now, expiresAt));
        return new IssuedSession(session.customerId(), session.id(),
                accessTokens.issue(session.customerId(), session.id(), now), accessTokens.lifetime(), refreshToken, expiresAt);
    }

    static ProblemException invalidRefreshToken() {
        return new ProblemException(401, "invalid-refresh-token", "Invalid refresh token",
                "the refresh token is unknown, expired or its session ended: sign in again");
    }
}
