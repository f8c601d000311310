package io.rectification.feedback.personal;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Refuses to start when the configured key does not open the personal data already stored: with
 * another key (a backup restored under the wrong environment's key, a key replaced without
 * re-encrypting) every staff list would fail on the first sealed contact, and every new submission
 * would be sealed with a key the older ones do not share, a mix that cannot be undone. One stored
 * contact is tried (the first the table gives, with a single query); an empty table has nothing to
 * check.
 */
@ApplicationScoped
public class StoredDataKeyCheck {

    /** The sealed columns, in the order of the query below; each is bound into its value's seal (AAD). */
    static final List<String> COLUMNS = List.of("name", "phone", "email", "address");

    private final PersonalDataCipher cipher;
    private final EntityManager entities;

    public StoredDataKeyCheck(PersonalDataCipher cipher, EntityManager entities) {
        this.cipher = cipher;
        this.entities = entities;
    }

    /** After PersonalDataCipher's own check (the default priority), which names a missing or malformed key. */
    @Transactional
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        List<?> rows = entities.createNativeQuery("""
                SELECT name_sealed, phone_sealed, email_sealed, address_sealed FROM feedback
                WHERE num_nonnulls(name_sealed, phone_sealed, email_sealed, address_sealed) > 0 LIMIT 1""")
                .getResultList();
        if (!rows.isEmpty()) {
            String problem = problem(cipher, (Object[]) rows.get(0));
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
        }
    }

    /** Why the key cannot open this stored row (its sealed columns in {@link #COLUMNS}' order), or null when it can. */
    static String problem(PersonalDataCipher cipher, Object[] sealed) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (sealed[i] == null) {
                continue;
            }
            try {
                cipher.open(COLUMNS.get(i), (byte[]) sealed[i]);
            } catch (IllegalStateException e) {
                return PersonalDataCipher.KEY_PROPERTY + " does not open the personal data already stored in this database"
                        + " (the " + COLUMNS.get(i) + " of a stored feedback): it is not the key that data was sealed with."
                        + " Start with that key; feedback-service will not seal new data with another one.";
            }
        }
        return null;
    }
}
