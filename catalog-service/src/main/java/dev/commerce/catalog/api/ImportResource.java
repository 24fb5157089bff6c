package dev.commerce.catalog.api;

import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.catalog.domain.ImportFailure;
import dev.commerce.platform.web.security.Principals;
import dev.commerce.platform.web.idempotency.Idempotent;
import dev.commerce.catalog.application.ImportJobs;
import dev.commerce.catalog.domain.ImportJob;
import dev.commerce.catalog.persistence.ImportRepository;
import dev.commerce.platform.web.paging.Cursor;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.ProblemException;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Bulk imports of up to 10,000 products from JSON lines or CSV, as asynchronous jobs. */
@Path("/products/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Product imports", description = "Bulk imports with progress and a per-line failure report")
public class ImportResource {

    static final String JSON_LINES = "application/x-ndjson";
    static final String CSV = "text/csv";

    @Schema(name = "ImportJob")
    public record Job(UUID id, ImportJob.Format format, ImportJob.Status status, @Schema(examples = "10000") int total, @Schema(examples = "2500") int processed, @Schema(examples = "2497") int succeeded,
                      @Schema(examples = "3") int failed, Instant createdAt, Instant startedAt, Instant finishedAt,
                      @Schema(examples = "/products/imports/7c1e9a52-3b4d-4f6e-8a2b-9d0c1e2f3a4b/failures", description = "The per-line failure report") String failuresUrl) {
        static Job of(ImportJob job) {
            return new Job(job.id(), job.format(), job.status(), job.total(), job.processed(), job.succeeded(), job.failed(),
                    job.createdAt(), job.startedAt(), job.finishedAt(), "/products/imports/" + job.id() + "/failures");
        }
    }

    @Schema(name = "ImportFailure", description = "A line that was not applied (nothing of it was), and why")
    public record Failure(@Schema(examples = "17") int line, @Schema(examples = "variants[0].prices[0].amount: must be a decimal string such as \"12.34\"") String errors) {
    }

    private final ImportJobs imports;
    private final SecurityIdentity identity;

    public ImportResource(ImportJobs imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    @POST
    @Idempotent
    @Consumes({JSON_LINES, CSV})
    @Operation(operationId = "startProductImport", summary = "Start an import",
            description = "application/x-ndjson: one ProductDefinition per line. text/csv: a header, then one product per row "
                    + "with one variant (columns " + "slug, name, description, status, taxCategory, categoryIds (';'-separated), "
                    + "sku, currency, amount, compareAtAmount, weightGrams). Lines whose slug exists replace that product. "
                    + "Answers 202 with the job; poll it for progress. With Idempotency-Key a retry of the same upload "
                    + "answers the first job instead of starting another.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "400", description = "Empty, or more than 10,000 products")
    @RequestBody(description = "One product definition per line (JSON lines), or CSV with a header row", content = {
            @Content(mediaType = JSON_LINES, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "jsonLines", value = """
                    {"slug":"linen-shirt","name":"Linen shirt","status":"ACTIVE","variants":[{"sku":"LS-WHITE-M","prices":[{"currency":"EUR","amount":"49.00"}]}]}
                    {"slug":"wool-socks","name":"Wool socks","status":"DRAFT","variants":[{"sku":"WS-GREY-42","prices":[{"currency":"EUR","amount":"12.00"}]}]}""")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = """
                    slug,name,status,sku,price.EUR
                    linen-shirt,Linen shirt,ACTIVE,LS-WHITE-M,49.00"""))})
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyInterceptor.HEADER, description = IdempotencyInterceptor.KEY_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response start(String body, @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        ImportJob.Format format = contentType != null && contentType.startsWith(CSV) ? ImportJob.Format.CSV : ImportJob.Format.JSONL;
        List<String> lines = Arrays.stream((body == null ? "" : body).split("\r?\n")).filter(line -> !line.isBlank()).toList();
        if (lines.size() > ImportJobs.MAX_LINES + 1) {
            throw ProblemException.badRequest("import-too-large", "an import has at most " + ImportJobs.MAX_LINES + " products");
        }
        ImportJob job = imports.submit(format, lines, Principals.subjectOf(identity));
        return Response.accepted(Job.of(job)).location(URI.create("/products/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProductImport", summary = "An import's progress and outcome")
    public Job get(@Parameter(description = "The import's id") @PathParam("id") UUID id) {
        return Job.of(imports.get(id));
    }

    @GET
    @Path("/{id}/failures")
    @Operation(operationId = "listProductImportFailures", summary = "The lines an import could not apply, in line order; cursor paging")
    public Page<Failure> failures(@Parameter(description = "The import's id") @PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        int after = 0;
        if (page.cursor != null) {
            try {
                after = Integer.parseInt(Cursor.decode(page.cursor, 1).value(0));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-cursor", "cursor is not a cursor this list returned");
            }
        }
        List<ImportFailure> failures = imports.failures(id, after, page.limit + 1);
        return Page.fromLookahead(failures.stream().map(f -> new Failure(f.line(), f.errors())).toList(), page.limit,
                failure -> Cursor.after(Integer.toString(failure.line())));
    }
}
