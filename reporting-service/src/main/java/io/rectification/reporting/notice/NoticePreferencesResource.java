package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

    /** As GET answers and PUT takes it: every kind with on/off, and each kind's label. */
    public record PreferencesView(boolean digest, Map<NoticeKind, Boolean> notices, Map<NoticeKind, String> labels) {
    }

    private final NoticePreferences preferences;
    private final CurrentActor actor;

    public NoticePreferencesResource(NoticePreferences preferences, CurrentActor actor) {
        this.preferences = preferences;
        this.actor = actor;
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
                    + "value that is not a boolean is a 400 naming it (notices.KIND).")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    public PreferencesView put(// Read as a tree to name each bad kind; what is sent is what GET answers.
                               @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                       schema = @Schema(implementation = PreferencesView.class)))
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
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("digest") && !name.equals("notices") && !name.equals("labels")) {
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
                    + java.util.Arrays.toString(NoticeKind.values()));
        }
    }

    private static PreferencesView view(Preference preference) {
        Map<NoticeKind, Boolean> notices = new LinkedHashMap<>();
        Map<NoticeKind, String> labels = new LinkedHashMap<>();
        for (NoticeKind kind : NoticeKind.values()) {
            notices.put(kind, preference.wants(kind));
            labels.put(kind, kind.label());
        }
        return new PreferencesView(preference.digest(), notices, labels);
    }
}
