package dev.commerce.platform.web.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code ?limit=&cursor=} of every list endpoint; use as a {@code @BeanParam @Valid} parameter. */
public class PageParams {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    @QueryParam("limit")
    @DefaultValue("20")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_LIMIT, message = "must be at most 100")
    @Parameter(description = "Items per page (1 to 100, default 20)")
    public int limit = DEFAULT_LIMIT;

    @QueryParam("cursor")
    @Size(max = 2048)
    @Parameter(description = "Opaque cursor from the previous page's nextCursor")
    public String cursor;

    public static PageParams of(int limit, String cursor) {
        PageParams params = new PageParams();
        params.limit = limit;
        params.cursor = cursor;
        return params;
    }
}
