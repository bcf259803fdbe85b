package fr.artisanat.platform.security;

import java.util.Map;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The platform's test application shows the caller it made of the request's token. */
@Path("/test/caller")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    @Inject
    Caller caller;

    @GET
    public Map<String, Object> caller() {
        return Map.of("id", caller.id(), "roles", new TreeSet<>(caller.roles()),
                "partner", caller.partner().<Object>map(partner -> Map.of("kind", partner.kind(), "id", partner.id())).orElse("none"));
    }
}
