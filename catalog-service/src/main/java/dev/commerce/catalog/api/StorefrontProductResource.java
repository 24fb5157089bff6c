package dev.commerce.catalog.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.commerce.catalog.domain.ProductQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.catalog.application.Storefront;
import dev.commerce.catalog.domain.SearchFacets;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import dev.commerce.platform.web.validation.CurrencyCode;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What shoppers read, anonymously: active products only, priced in the requested currency. Responses carry a
 * strong ETag of their exact content and may be cached briefly; {@code If-None-Match} answers 304.
 */
@Path("/storefront/products")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Storefront", description = "Anonymous reads of active products")
public class StorefrontProductResource {

    private static final String DECIMAL = "[0-9]{1,15}(\\.[0-9]{1,4})?";

    static final int MAX_AGE_SECONDS = 60;

    /** attr=name:value, the form an OpenAPI client and Swagger UI send (a repeated parameter of one name). */
    private static final String ATTRIBUTE_LIST = "attr";
    /** Query parameters the listing understands; any other (except attr.<name>) is refused. */
    private static final Set<String> KNOWN = Set.of("q", "category", "currency", "minPrice", "maxPrice", "inStock", "sort",
            "limit", "cursor", "locale", ATTRIBUTE_LIST);
    private static final String ATTRIBUTE_PREFIX = "attr.";
    /** Search text without a letter or digit matches nothing. */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]");
    /** Longer search text is cut: ten words of any language fit. */
    private static final int MAX_TEXT = 200;

    private final Storefront storefront;
    private final ProductPages pages;
    private final RequestLocales locales;
    private final ObjectMapper json;

    public StorefrontProductResource(Storefront storefront, ProductPages pages, RequestLocales locales, ObjectMapper json) {
        this.storefront = storefront;
        this.pages = pages;
        this.locales = locales;
        this.json = json;
    }

    @GET
    @Operation(operationId = "searchProducts", summary = "Browse and search active products, with facets",
            description = "Full-text search over name, description and attributes (prefix matching, ranked by relevance), "
                    + "a category with its subcategories, attribute filters as attr.<name>=<value> (repeat for OR), "
                    + "a price range in the currency, in-stock only; sorted by relevance, newest, price or name; cursor "
                    + "paging; facets count categories, attribute values and price bands over the whole result.")
    @APIResponse(responseCode = "200", description = "A page of products and the facets of the result",
            content = @Content(schema = @Schema(implementation = ProductResponses.Results.class)))
    @APIResponse(responseCode = "400", description = "Unknown filter, bad price range or sort, missing currency")
    public Response find(@Parameter(description = "Search text; quotes and operators are plain text") @QueryParam("q") String q,
                         @Parameter(description = "A category id: its products and those of its subcategories") @QueryParam("category") UUID category,
                         @Parameter(required = true, description = "ISO 4217 code of the prices shown and filtered", example = "EUR") @QueryParam("currency") @NotNull @CurrencyCode String currency,
                         @Parameter(description = "Lowest price in the currency (VAT included), inclusive", example = "20.00") @QueryParam("minPrice") @Pattern(regexp = DECIMAL) String minPrice,
                         @Parameter(description = "Highest price in the currency, inclusive", example = "100.00") @QueryParam("maxPrice") @Pattern(regexp = DECIMAL) String maxPrice,
                         @Parameter(description = "Only products with a variant available now") @QueryParam("inStock") boolean inStock,
                         @Parameter(description = "relevance (with q; its default), newest (default without q), price_asc, price_desc, name",
                                 schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "newest", "price_asc", "price_desc", "name"}))
                         @QueryParam("sort") @Pattern(regexp = "relevance|newest|price_asc|price_desc|name") String sort,
                         @Parameter(description = "Attribute filters as name:value (attr=colour:blue), repeated: values of one "
                                 + "name are OR-ed, names AND-ed; attr.colour=blue is the same filter",
                                 example = "colour:blue") @QueryParam(ATTRIBUTE_LIST) List<String> attributeFilters,
                         @Parameter(description = RequestLocales.PARAMETER_DESCRIPTION, example = "fr") @QueryParam("locale") String locale,
                         @Valid @BeanParam PageParams page,
                         @Context UriInfo uri, @Context Request request, @Context HttpHeaders headers) throws JsonProcessingException {
        String answered = locales.resolve(locale, headers);
        Map<String, List<String>> attributes = new TreeMap<>();
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (name.startsWith(ATTRIBUTE_PREFIX) && name.length() > ATTRIBUTE_PREFIX.length()) {
                attributes.computeIfAbsent(name.substring(ATTRIBUTE_PREFIX.length()), k -> new ArrayList<>()).addAll(parameter.getValue());
            } else if (!KNOWN.contains(name)) {
                throw ProblemException.badRequest("unknown-filter", "unknown filter '" + name + "'; filters are "
                        + new TreeSet<>(KNOWN) + " and attr.<name>");
            }
        }
        for (String filter : attributeFilters == null ? List.<String>of() : attributeFilters) {
            int colon = filter.indexOf(':');
            if (colon < 1 || colon == filter.length() - 1) {
                throw ProblemException.invalidField(ATTRIBUTE_LIST, "'" + filter + "' is not name:value");
            }
            attributes.computeIfAbsent(filter.substring(0, colon), k -> new ArrayList<>()).add(filter.substring(colon + 1));
        }
        BigDecimal min = minPrice == null ? null : new BigDecimal(minPrice);
        BigDecimal max = maxPrice == null ? null : new BigDecimal(maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ProblemException.invalidField("minPrice", "must not be above maxPrice");
        }
        ProductQuery.Sort order = sort == null ? (q == null ? ProductQuery.Sort.NEWEST : ProductQuery.Sort.RELEVANCE)
                : ProductQuery.Sort.valueOf(sort.toUpperCase(java.util.Locale.ROOT));
        if (order == ProductQuery.Sort.RELEVANCE && q == null) {
            throw ProblemException.invalidField("sort", "relevance needs search text (q)");
        }
        if (q != null && !WORD.matcher(q).find()) {
            return cacheable(json.writeValueAsString(new ProductResponses.Results(List.of(), null, 0,
                    ProductResponses.Facets.of(SearchFacets.none()))), answered, request);
        }
        String text = q == null ? null : q.length() > MAX_TEXT ? q.substring(0, MAX_TEXT) : q;
        ProductQuery criteria = new ProductQuery(text, category, currency, min, max, attributes, inStock, order, answered);
        return cacheable(json.writeValueAsString(ProductResponses.Results.of(storefront.find(criteria, page.cursor, page.limit),
                currency, answered)), answered, request);
    }

    @GET
    @Path("/{idOrSlug}")
    @Operation(operationId = "getStorefrontProduct", summary = "An active product by id or slug, priced in a currency",
            description = "Texts in the locale asked for (Content-Language); a slug of that locale is looked up first, "
                    + "then one of the shop's other locales.")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(schema = @Schema(implementation = ProductResponses.Shop.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No active product with this id or slug")
    public Response get(@Parameter(description = "The product's id or its slug", example = "linen-shirt") @PathParam("idOrSlug") String idOrSlug,
                        @Parameter(description = "ISO 4217 code of the prices shown", required = true)
                        @QueryParam("currency") @NotNull @CurrencyCode String currency,
                        @Parameter(description = RequestLocales.PARAMETER_DESCRIPTION, example = "fr") @QueryParam("locale") String locale,
                        @Context Request request, @Context HttpHeaders headers) throws JsonProcessingException {
        String answered = locales.resolve(locale, headers);
        ProductPages.Page page = pages.of(storefront.product(idOrSlug, answered), currency, answered);
        return cacheable(page.body(), page.tag(), answered, request);
    }

    /**
     * 304 when the client holds this exact content, else the content with its ETag and caching headers; in
     * {@code locale} (Content-Language).
     */
    static Response cacheable(String body, String locale, Request request) {
        return cacheable(body, tag(body), locale, request);
    }

    static Response cacheable(String body, EntityTag tag, String locale, Request request) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = unchanged != null ? unchanged
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return RequestLocales.inLocale(response.tag(tag).cacheControl(cache), locale).build();
    }

    /** The strong ETag of a body: its SHA-256, shortened. */
    static EntityTag tag(String body) {
        return new EntityTag(sha256(body));
    }

    private static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
