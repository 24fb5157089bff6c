package dev.commerce.catalog.api;

import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import dev.commerce.catalog.application.CategoryCatalog;
import dev.commerce.catalog.domain.Category;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.idempotency.Idempotent;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Categories", description = "The category tree shoppers browse")
public class CategoryResource {

    private final CategoryCatalog catalog;
    private final ShopLocales locales;
    private final RequestLocales requestLocales;

    public CategoryResource(CategoryCatalog catalog, ShopLocales locales, RequestLocales requestLocales) {
        this.catalog = catalog;
        this.locales = locales;
        this.requestLocales = requestLocales;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(operationId = "createCategory", summary = "Create a category", description = "Honours Idempotency-Key.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyInterceptor.HEADER, description = IdempotencyInterceptor.KEY_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "Slug taken, or Idempotency-Key in flight")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    public Response create(@Valid @NotNull CategoryRequests.Create request, @Context UriInfo uri) {
        Category category = catalog.create(request.parentId(), request.slug(), request.name(),
                request.position() == null ? 0 : request.position(), request.translations(locales));
        return Response.created(uri.getAbsolutePathBuilder().path(category.id().toString()).build())
                .tag(Versions.etag(category.version()))
                .entity(CategoryResponse.of(category)).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCategories", summary = "List categories",
            description = "Ordered by their default slug; cursor paging. Names and slugs in the locale asked for.")
    public RestResponse<Page<CategoryResponse>> list(@Valid @BeanParam PageParams page,
                                                     @Parameter(description = RequestLocales.PARAMETER_DESCRIPTION, example = "fr")
                                                     @QueryParam("locale") String locale,
                                                     @Parameter(hidden = true) @Context HttpHeaders headers) {
        String answered = requestLocales.resolve(locale, headers);
        return RestResponse.ResponseBuilder.ok(catalog.list(page).map(category -> CategoryResponse.of(category, answered, locales.defaultLocale())))
                .header(HttpHeaders.CONTENT_LANGUAGE, answered).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getCategory", summary = "Get a category")
    @APIResponse(responseCode = "200", description = "The category, with its version as ETag",
            content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown category")
    public Response get(@Parameter(description = "The category's id") @PathParam("id") UUID id,
                        @Parameter(description = RequestLocales.PARAMETER_DESCRIPTION, example = "fr") @QueryParam("locale") String locale,
                        @Parameter(hidden = true) @Context HttpHeaders headers) {
        Category category = catalog.get(id);
        String answered = requestLocales.resolve(locale, headers);
        return RequestLocales.inLocale(Response.ok(CategoryResponse.of(category, answered, locales.defaultLocale())), answered)
                .tag(Versions.etag(category.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateCategory", summary = "Rename or reorder a category", description = "Send If-Match with the ETag you read.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response update(@Parameter(description = "The category's id") @PathParam("id") UUID id, @Valid @NotNull CategoryRequests.Update request,
                           @Parameter(hidden = true) @Context HttpHeaders headers) {
        Category category = catalog.rename(id, request.name(), request.position() == null ? 0 : request.position(),
                request.translations(locales), version -> Versions.requireMatch(headers, version));
        return Response.ok(CategoryResponse.of(category)).tag(Versions.etag(category.version())).build();
    }

    @POST
    @Path("/{id}/move")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "moveCategory", summary = "Move a category (with its subtree) under another parent, or to the top level",
            description = "Refuses a move under itself or a subcategory (409 category-cycle). Send If-Match.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
    @APIResponse(responseCode = "409", description = "The move would make a cycle")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response move(@Parameter(description = "The category's id") @PathParam("id") UUID id, @Valid @NotNull CategoryRequests.Move request,
                         @Parameter(hidden = true) @Context HttpHeaders headers) {
        Category category = catalog.move(id, request.parentId(), version -> Versions.requireMatch(headers, version));
        return Response.ok(CategoryResponse.of(category)).tag(Versions.etag(category.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteCategory", summary = "Delete a category with no subcategories and no products")
    @APIResponse(responseCode = "204", description = "Deleted; category-deleted is announced")
    @APIResponse(responseCode = "409", description = "It has subcategories or products")
    public Response delete(@Parameter(description = "The category's id") @PathParam("id") UUID id) {
        catalog.delete(id);
        return Response.noContent().build();
    }
}
