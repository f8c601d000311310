package bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the start-time anchor: it exists so that the REST layer is started too. */
@Path("/hello")
public class Hello {
    @GET
    public String hello() {
        return "hello";
    }
}
