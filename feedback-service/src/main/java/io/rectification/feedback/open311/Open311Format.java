package io.rectification.feedback.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The format a GeoReport resource is asked for by its suffix (.json or .xml), answers and errors alike. */
enum Open311Format {
    JSON(MediaType.APPLICATION_JSON + ";charset=UTF-8"),
    XML(MediaType.TEXT_XML + ";charset=UTF-8");

    final String mediaType;

    Open311Format(String mediaType) {
        this.mediaType = mediaType;
    }

    /** A list answer: JSON array, or {@code <root><item/>…</root>} in XML. */
    Response list(ObjectMapper mapper, int status, String root, String item, List<?> items) {
        Object entity = this == JSON ? items : Open311Xml.list(mapper, root, item, items);
        return Response.status(status).type(mediaType).entity(entity).build();
    }

    /** A single object (a service definition). */
    Response single(ObjectMapper mapper, String root, Object value) {
        Object entity = this == JSON ? value : Open311Xml.single(mapper, root, value);
        return Response.ok(entity).type(mediaType).build();
    }

    /** GeoReport's errors: {@code [{code, description}]}, or {@code <errors><error>…</error></errors>}. */
    Response errors(ObjectMapper mapper, int status, List<Open311Resource.Error> errors) {
        return list(mapper, status, "errors", "error", errors);
    }
}
