package io.rectification.tasks.support;

import io.rectification.platform.problem.Problem;
import io.rectification.platform.problem.ProblemMappers;
import io.rectification.platform.problem.ProblemTypes;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/** Two writers passing the If-Match check at the same moment: the loser gets 412, not a 500. */
public class OptimisticLockMapper {

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return ProblemMappers.answer(new Problem(ProblemTypes.forStatus(412), "Precondition failed", 412,
                "changed by someone else meanwhile; reload and retry", "/" + uri.getPath().replaceFirst("^/", ""),
                List.of(), Map.of()));
    }
}
