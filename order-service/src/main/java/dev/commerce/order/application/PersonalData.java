package dev.commerce.order.application;

import dev.commerce.order.messaging.PrivacyEvents;
import dev.commerce.order.persistence.PersonalDataRepository;
import dev.commerce.platform.messaging.privacy.PrivacyAnswers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Privacy requests at order-service: an export sends what it holds of the person, an erasure removes or anonymises
 * it (see {@link PersonalDataRepository}) and confirms, in the transaction of the request's event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PersonalData {

    private final PersonalDataRepository records;
    private final PrivacyAnswers answers;
    private final Clock clock;

    public PersonalData(PersonalDataRepository records, PrivacyAnswers answers, Clock clock) {
        this.records = records;
        this.answers = answers;
        this.clock = clock;
    }

    public void export(UUID requestId, UUID customerId, String email) {
        answers.export(PrivacyEvents.CHANNEL, records, requestId, customerId, email);
    }

    public void erase(UUID requestId, UUID customerId, String email) {
        answers.erase(PrivacyEvents.CHANNEL, records, requestId, customerId, email, Instant.now(clock));
    }
}
