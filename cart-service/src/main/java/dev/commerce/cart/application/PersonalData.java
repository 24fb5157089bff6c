package dev.commerce.cart.application;

import dev.commerce.cart.messaging.PrivacyEvents;
import dev.commerce.cart.persistence.PersonalDataRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Privacy requests at cart-service (customer.privacy.v1): an export sends what it holds of the person; an erasure removes
 * or anonymises it, with the copies in platform tables (dead letters, idempotency records), and confirms. Each runs
 * in the transaction of the request's event, so a redelivery is skipped and a crash repeats it whole.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PersonalData {

    private static final Logger LOG = Logger.getLogger(PersonalData.class);

    private final PersonalDataRepository records;
    private final PrivacyEvents events;
    private final Clock clock;

    public PersonalData(PersonalDataRepository records, PrivacyEvents events, Clock clock) {
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    public void export(UUID requestId, UUID customerId, String email) {
        List<String> found = records.records(customerId.toString(), normalise(email));
        int chunks = events.exportPart(requestId, customerId, found);
        LOG.infof("Privacy export %s: %d record(s) of customer %s sent in %d chunk(s)", requestId, found.size(), customerId, chunks);
    }

    public void erase(UUID requestId, UUID customerId, String email) {
        int changed = records.erase(customerId.toString(), normalise(email));
        int copies = events.erasureCompleted(requestId, customerId, List.of(customerId.toString(), normalise(email)),
                Instant.now(clock));
        LOG.infof("Erasure %s: %d row(s) of customer %s erased or anonymised, %d platform record(s) removed", requestId,
                changed, customerId, copies);
    }

    private static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
