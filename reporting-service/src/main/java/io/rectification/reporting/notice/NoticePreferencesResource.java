package io.rectification.reporting.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Access;
import io.rectification.reporting.notice.NoticePreferences.Preference;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The signed-in person's notice preferences: {@code {"digest": true, "notices": {"TASK_OVERDUE": true, ...}}}.
 * PUT replaces them; a kind left out stays on.
 */
@Path("/me/notice-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "通知设置: which e-mail notices and whether the daily digest")
public class NoticePreferencesResource {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    /** As GET answers it: every kind with on/off, each kind's label, which reach this person, and when the digest goes. */
    @Schema(requiredProperties = {"digest", "notices", "labels", "applicable"})
    public record PreferencesView(boolean digest, Map<NoticeKind, Boolean> notices,
                                  @Schema(readOnly = true, description = "each kind's name in Chinese, for a screen")
                                  Map<NoticeKind, String> labels,
                                  @Schema(readOnly = true, description = "the kinds sent to someone with the signed-in "
                                          + "person's roles; the others never reach them, whatever they choose")
                                  List<NoticeKind> applicable,
                                  @Schema(readOnly = true, description = "the time of day (HH:mm, in the organisation's "
                                          + "zone) the daily digest goes out; null when this system sends none")
                                  String digestAt) {
    }

    /**
     * As PUT takes it: what GET answered may be sent back, the read-only members unchanged. Notices
     * are keyed by name, so that a kind unknown here is a 400 naming it (notices.KIND).
     */
    @Schema(name = "NoticePreferencesInput", requiredProperties = "digest")
    public record PreferencesInput(Boolean digest, Map<String, Boolean> notices,
                                   @Schema(readOnly = true, description = "as GET answered it, or left out")
                                   Map<NoticeKind, String> labels,
                                   @Schema(readOnly = true, description = "as GET answered it, or left out")
                                   List<NoticeKind> applicable,
                                   @Schema(readOnly = true, description = "as GET answered it, or left out")
                                   String digestAt) {
    }

    private final NoticePreferences preferences;
    private final CurrentActor actor;
    private final NoticeConfig config;
    /** Refuses a member that is not a preference, which this service's mapper would drop unseen. */
    private final ObjectReader input;

    public NoticePreferencesResource(NoticePreferences preferences, CurrentActor actor, NoticeConfig config,
                                     ObjectMapper json) {
        this.preferences = preferences;
        this.actor = actor;
        this.config = config;
        this.input = json.readerFor(PreferencesInput.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @GET
    @Operation(summary = "The signed-in person's notice preferences (everything on until they choose)")
    @RolesAllowed(Access.STAFF)
    public PreferencesView get() {
        return view(preferences.of(actor.require()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the signed-in person's notice preferences",
            description = "digest: boolean, required. notices: an object of notice kind → boolean; an unknown kind or a "
                    + "value that is not a boolean is a 400 naming it (notices.KIND). labels, applicable and digestAt "
                    + "may be sent back as GET answered them; they cannot be changed.")
    @RolesAllowed(Access.STAFF)
    public PreferencesView put(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                       schema = @Schema(implementation = PreferencesInput.class),
                                       examples = @ExampleObject(name = "one notice off",
                                               value = "{\"digest\": true, \"notices\": {\"TASK_OVERDUE\": false}}")))
                               String body) throws JsonProcessingException {
        String person = actor.require();
        // read here rather than by the framework, with unknown members refused (ErrorMappers names them)
        PreferencesInput sent = body == null || body.isBlank() ? null : input.readValue(body);
        if (sent == null) { // no body, or the JSON null
            throw ApiException.badRequest(ErrorBody.FieldError.BODY, "must be an object with digest and notices");
        }
        if (sent.digest() == null) {
            throw ApiException.badRequest("digest", "must be true or false");
        }
        Set<NoticeKind> muted = EnumSet.noneOf(NoticeKind.class);
        if (sent.notices() != null) {
            sent.notices().forEach((name, on) -> {
                NoticeKind kind = kind(name);
                if (on == null) {
                    throw ApiException.badRequest("notices." + name, "must be true or false");
                }
                if (!on) {
                    muted.add(kind);
                }
            });
        }
        // The read-only members do not depend on the preferences: any view has the ones GET answers.
        PreferencesView answered = view(Preference.DEFAULT);
        unchanged("labels", sent.labels(), answered.labels());
        unchanged("applicable", sent.applicable(), answered.applicable());
        unchanged("digestAt", sent.digestAt(), answered.digestAt());
        Preference preference = new Preference(sent.digest(), muted);
        preferences.save(person, preference);
        return view(preference);
    }

    /** A read-only member is left out or sent back as GET answered it. */
    private static void unchanged(String member, Object sent, Object answered) {
        if (sent != null && !Objects.equals(sent, answered)) {
            throw ApiException.badRequest(member, "cannot be changed: leave it out, or send it back as GET answered it");
        }
    }

    private static NoticeKind kind(String name) {
        try {
            return NoticeKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("notices." + name, "is not a notice kind; known: "
                    + Arrays.toString(NoticeKind.values()));
        }
    }

    private PreferencesView view(Preference preference) {
        Map<NoticeKind, Boolean> notices = new LinkedHashMap<>();
        Map<NoticeKind, String> labels = new LinkedHashMap<>();
        List<NoticeKind> applicable = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            notices.put(kind, preference.wants(kind));
            labels.put(kind, kind.label());
            if (kind.roles().stream().anyMatch(actor::hasRole)) {
                applicable.add(kind);
            }
        }
        String digestAt = config.digest().enabled() ? config.digest().at().format(HOURS_MINUTES) : null;
        return new PreferencesView(preference.digest(), notices, labels, applicable, digestAt);
    }
}
