package io.rectification.feedback.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * GeoReport's service discovery: where the v2 endpoint is, in which formats, whom to ask and how
 * to get an api_key. The endpoint's url is the configured public address (never the request's
 * Host, which the caller chooses); without one, the path alone.
 */
@Path("/open311")
@Tag(name = "Open311 GeoReport v2", description = "Standard citizen-reporting API over public feedback")
public class Open311Discovery {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this endpoint last changed in a way a client would notice: the discovery's changeset. */
    static final Instant CHANGESET = Instant.parse("2026-11-30T00:00:00Z");

    private final ObjectMapper mapper;
    private final String url;
    private final String contact;
    private final String keyService;

    public Open311Discovery(ObjectMapper mapper,
                            @ConfigProperty(name = "platform.public-base-url") Optional<URI> publicBaseUrl,
                            @ConfigProperty(name = "feedback.open311.contact") String contact,
                            @ConfigProperty(name = "feedback.open311.key-service") String keyService) {
        this.mapper = mapper;
        this.url = publicBaseUrl.map(base -> base.toString().replaceAll("/+$", "")).orElse("") + "/open311/v2";
        this.contact = contact;
        this.keyService = keyService;
    }

    @Schema(name = "Open311Discovery", requiredProperties = {"changeset", "endpoints"})
    public record Discovery(Instant changeset, String contact, @JsonProperty("key_service") String keyService,
                            List<Endpoint> endpoints) {
    }

    @Schema(name = "Open311Endpoint", requiredProperties = {"specification", "url", "changeset", "type", "formats"})
    public record Endpoint(String specification, String url, Instant changeset, String type, List<String> formats) {
    }

    @GET
    @Path("discovery.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "GeoReport service discovery: the v2 endpoint, its formats, contact and how to get an api_key")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the discovery document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Discovery.class)))
    public Response discoveryJson() {
        return Open311Format.JSON.single(mapper, "discovery", discovery());
    }

    @GET
    @Path("discovery.xml")
    @Produces(MediaType.TEXT_XML)
    @Operation(summary = "GeoReport service discovery (XML)")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the discovery document (XML: <discovery>)",
            content = @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(implementation = Discovery.class)))
    public Response discoveryXml() {
        return Open311Format.XML.single(mapper, "discovery", discovery());
    }

    private Discovery discovery() {
        return new Discovery(CHANGESET, contact, keyService, List.of(new Endpoint(SPECIFICATION, url, CHANGESET,
                "production", List.of(MediaType.TEXT_XML, MediaType.APPLICATION_JSON))));
    }
}
