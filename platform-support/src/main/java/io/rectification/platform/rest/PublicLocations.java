package io.rectification.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * Every {@code Location} a resource answers with (201 Created, 202 Accepted) is rebuilt from the
 * configured public address, never from the request's {@code Host} header, which the caller
 * chooses (a forged Host would otherwise be echoed into links others follow). With
 * {@code platform.public-base-url} set, the Location is that address plus the resource's path;
 * without it, the path alone (a relative reference, which HTTP allows). Resources keep building
 * their Location from UriInfo as JAX-RS does; this one filter corrects all of them.
 */
@Provider
public class PublicLocations implements ContainerResponseFilter {

    private final Optional<URI> publicBaseUrl;

    public PublicLocations(@ConfigProperty(name = "platform.public-base-url") Optional<URI> publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.LOCATION, publicLocation(URI.create(location.toString())));
    }

    /** The path (with query) of {@code location} on the public address. */
    String publicLocation(URI location) {
        String path = Optional.ofNullable(location.getRawPath()).filter(p -> !p.isEmpty()).orElse("/")
                + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
        return publicBaseUrl.map(base -> base.toString().replaceAll("/+$", "") + path).orElse(path);
    }
}
