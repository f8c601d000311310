package io.rectification.tasks.task;

import io.rectification.platform.rest.Versions;
import jakarta.ws.rs.core.Response;

/** A task in an answer carries its version as the ETag, whichever resource answers. */
public final class TaskResponses {

    private TaskResponses() {
    }

    public static Response withEtag(Response.ResponseBuilder builder, TaskSnapshot task) {
        return builder.tag(Versions.etag(task.version())).entity(task).build();
    }
}
