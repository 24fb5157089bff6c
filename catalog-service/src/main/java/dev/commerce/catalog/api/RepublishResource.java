package dev.commerce.catalog.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.commerce.catalog.application.CategoryCatalog;
import dev.commerce.catalog.application.ProductCatalog;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Announces the whole catalog again, for a consumer that must rebuild its read model from scratch. */
@Path("/admin/catalog/republish")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Catalog administration")
public class RepublishResource {

    /** How many events were recorded. */
    public record Republished(@Schema(examples = "24") int categories, @Schema(examples = "10000") int products) {
    }

    private final CategoryCatalog categories;
    private final ProductCatalog products;

    public RepublishResource(CategoryCatalog categories, ProductCatalog products) {
        this.categories = categories;
        this.products = products;
    }

    @POST
    @Transactional
    @Operation(operationId = "republishCatalog", summary = "Republish every category and product",
            description = "category-upserted for every category (parents first), product-upserted (or product-archived) "
                    + "for every product, through the outbox in one transaction.")
    public Republished republish() {
        return new Republished(categories.republishAll(), products.republishAll());
    }
}
