package io.rectification.reporting.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Each person's choice of notices and digest; a person who never chose gets everything. */
@ApplicationScoped
public class NoticePreferences {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a person wants: the digest or not, and the notice kinds they turned off. */
    public record Preference(boolean digest, Set<NoticeKind> muted) {

        public static final Preference DEFAULT = new Preference(true, Set.of());

        public boolean wants(NoticeKind kind) {
            return !muted.contains(kind);
        }
    }

    private final Sql sql;

    public NoticePreferences(Sql sql) {
        this.sql = sql;
    }

    public Preference of(String person) {
        Preference stored = sql.one("SELECT digest, muted::text FROM notice_preference WHERE person = ?",
                row -> new Preference(row.getBoolean(1), kinds(row.getString(2))), person);
        return stored != null ? stored : Preference.DEFAULT;
    }

    public void save(String person, Preference preference) {
        List<String> muted = preference.muted().stream().map(Enum::name).sorted().toList();
        try {
            sql.update("""
                    INSERT INTO notice_preference (person, digest, muted, updated_at) VALUES (?, ?, CAST(? AS jsonb), now())
                    ON CONFLICT (person) DO UPDATE SET digest = EXCLUDED.digest, muted = EXCLUDED.muted,
                        updated_at = EXCLUDED.updated_at""",
                    person, preference.digest(), JSON.writeValueAsString(muted));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<NoticeKind> kinds(String json) {
        try {
            Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
            for (String name : JSON.readValue(json, String[].class)) {
                try {
                    kinds.add(NoticeKind.valueOf(name));
                } catch (IllegalArgumentException retired) {
                    // a kind no longer sent: nothing to mute
                }
            }
            return kinds;
        } catch (JsonProcessingException e) {
            return new LinkedHashSet<>();
        }
    }
}
