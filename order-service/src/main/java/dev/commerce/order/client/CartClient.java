package dev.commerce.order.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** cart-service's checkout hand-off (its {@code POST /carts/{cartId}/checkout}, for the service role only). */
@RegisterRestClient(configKey = "cart-service")
@Path("/carts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface CartClient {

    record HandOffRequest(UUID orderId, String customerId) {
    }

    /** The cart's checkout snapshot as JSON text, kept as it came (it travels on in order-placed). */
    @POST
    @Path("/{cartId}/checkout")
    String handOff(@HeaderParam("Authorization") String authorization, @PathParam("cartId") UUID cartId,
                   HandOffRequest request);

    /** A 4xx is the cart's refusal (its problem is passed on); a 5xx is a failure worth retrying. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (response.getStatus() >= 500) {
            return new CartFailure("cart-service answered " + response.getStatus() + ": " + body);
        }
        return new CartRefusal(response.getStatus(), body);
    }
}
