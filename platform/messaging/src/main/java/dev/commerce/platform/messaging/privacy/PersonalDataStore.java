package dev.commerce.platform.messaging.privacy;

import java.util.List;

/** What a service holds of one person, by customer id or (as a guest) by normalised e-mail address. */
public interface PersonalDataStore {

    /** The person's records, each a JSON object. */
    List<String> records(String customerId, String email);

    /** Erases or anonymises the person's records; returns how many rows changed. */
    int erase(String customerId, String email);
}
