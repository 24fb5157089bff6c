package dev.commerce.platform.messaging;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A test endpoint that fails the way a bug would, to check what a client gets to see. */
@Path("/test/failing")
public class FailingResource {

    @GET
    @PermitAll
    public String fail() {
        throw new IllegalStateException("SELECT secret FROM internals WHERE password = 'hunter2'");
    }
}
