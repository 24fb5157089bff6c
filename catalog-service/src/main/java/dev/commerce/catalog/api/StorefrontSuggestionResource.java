package dev.commerce.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.catalog.application.SearchIndex;
import dev.commerce.catalog.application.Storefront;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Type-ahead for a storefront's search box: product names and categories completing what was typed. */
@Path("/storefront/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Storefront", description = "Anonymous reads of active products")
public class StorefrontSuggestionResource {

    @Schema(name = "Suggestion", description = "A product or category whose name completes the typed text")
    public record SuggestionView(@Schema(examples = "product", enumeration = {"product", "category"}) String type,
                                 @Schema(examples = "Trail Runner") String text, UUID id,
                                 @Schema(examples = "trail-runner") String slug) {
        static SuggestionView of(SearchIndex.Suggestion suggestion) {
            return new SuggestionView(suggestion.kind().name().toLowerCase(Locale.ROOT), suggestion.text(),
                    suggestion.id(), suggestion.slug());
        }
    }

    @Schema(name = "Suggestions")
    public record Suggestions(List<SuggestionView> suggestions) {
    }

    private final Storefront storefront;
    private final RequestLocales locales;
    private final ObjectMapper json;

    public StorefrontSuggestionResource(Storefront storefront, RequestLocales locales, ObjectMapper json) {
        this.storefront = storefront;
        this.locales = locales;
        this.json = json;
    }

    @GET
    @Operation(operationId = "suggest", summary = "Complete typed text with product names and categories",
            description = "Every word but the last must match a word of the name exactly or, from five letters, with one "
                    + "typo; the last is a prefix (with one typo from five letters). Best matches first.")
    @APIResponse(responseCode = "200", description = "The completions, best first",
            content = @Content(schema = @Schema(implementation = Suggestions.class)))
    public Response suggest(@Parameter(description = "What the shopper typed so far", example = "trail ru", required = true)
                            @QueryParam("q") @NotBlank @Size(max = 100) String q,
                            @Parameter(description = "Number of completions (1-20)") @QueryParam("limit") @DefaultValue("8")
                            @Min(1) @Max(20) int limit,
                            @Parameter(description = RequestLocales.PARAMETER_DESCRIPTION, example = "fr") @QueryParam("locale") String locale,
                            @Context Request request, @Context HttpHeaders headers) throws JsonProcessingException {
        String answered = locales.resolve(locale, headers);
        List<SuggestionView> suggestions = storefront.suggest(q, answered, limit).stream().map(SuggestionView::of).toList();
        return StorefrontProductResource.cacheable(json.writeValueAsString(new Suggestions(suggestions)), answered, request);
    }
}
