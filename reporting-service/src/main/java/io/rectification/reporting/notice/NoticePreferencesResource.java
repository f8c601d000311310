package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** What GET answers beside the preferences: a PUT may send them back unchanged, never change them. */
    private static final Set<String> READ_ONLY = Set.of("labels", "applicable", "digestAt");

    /** As GET answers it: every kind with on/off, each kind's label, which reach this person, and when the digest goes. */
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

    /** As PUT takes it (the schema only: the body is read as a tree, to name each bad kind). */
    @Schema(name = "NoticePreferencesInput", requiredProperties = "digest")
    public record PreferencesInput(boolean digest, Map<NoticeKind, Boolean> notices) {
    }

    private final NoticePreferences preferences;
    private final CurrentActor actor;
    private final NoticeConfig config;
    private final ObjectMapper json;

    public NoticePreferencesResource(NoticePreferences preferences, CurrentActor actor, NoticeConfig config,
                                     ObjectMapper json) {
        this.preferences = preferences;
        this.actor = actor;
        this.config = config;
        this.json = json;
    }

    @GET
    @Operation(summary = "The signed-in person's notice preferences (everything on until they choose)")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    public PreferencesView get() {
        return view(preferences.of(actor.require()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the signed-in person's notice preferences",
            description = "digest: boolean, required. notices: an object of notice kind → boolean; an unknown kind or a "
                    + "value that is not a boolean is a 400 naming it (notices.KIND). labels, applicable and digestAt "
                    + "may be sent back as GET answered them; they cannot be changed.")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    public PreferencesView put(// Read as a tree to name each bad kind; what GET answered may be sent back.
                               @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                       schema = @Schema(implementation = PreferencesInput.class)))
                               JsonNode body) {
        String person = actor.require();
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "must be an object with digest and notices");
        }
        JsonNode digest = body.get("digest");
        if (digest == null || !digest.isBoolean()) {
            throw ApiException.badRequest("digest", "must be true or false");
        }
        Set<NoticeKind> muted = EnumSet.noneOf(NoticeKind.class);
        JsonNode notices = body.get("notices");
        if (notices != null && !notices.isNull()) {
            if (!notices.isObject()) {
                throw ApiException.badRequest("notices", "must be an object of notice kind to true or false");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = notices.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                NoticeKind kind = kind(entry.getKey());
                if (!entry.getValue().isBoolean()) {
                    throw ApiException.badRequest("notices." + entry.getKey(), "must be true or false");
                }
                if (!entry.getValue().booleanValue()) {
                    muted.add(kind);
                }
            }
        }
        // The read-only fields do not depend on the preferences: any view has the ones GET answers.
        JsonNode answered = json.valueToTree(view(Preference.DEFAULT));
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (READ_ONLY.contains(name)) {
                if (!body.get(name).equals(answered.get(name))) {
                    throw ApiException.badRequest(name, "cannot be changed: leave it out, or send it back as GET answered it");
                }
            } else if (!name.equals("digest") && !name.equals("notices")) {
                throw ApiException.badRequest(name, "is not a preference (digest, notices)");
            }
        }
        Preference preference = new Preference(digest.booleanValue(), muted);
        preferences.save(person, preference);
        return view(preference);
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
            if (actor.hasRole(kind.role())) {
                applicable.add(kind);
            }
        }
        String digestAt = config.digest().enabled() ? config.digest().at().format(HOURS_MINUTES) : null;
        return new PreferencesView(preference.digest(), notices, labels, applicable, digestAt);
    }
}
