package dev.commerce.platform.web.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which routes of this service need a role, read once from the resources' {@code @RolesAllowed}. The REST layer
 * matches the media type before it checks roles, so a request without a token and with the wrong content type
 * would learn "415" about an endpoint it may not call; with this index the answer is the 401 it needs first.
 */
@ApplicationScoped
public class ProtectedRoutes {

    private record Route(String method, Pattern path) {
    }

    private final List<Route> routes = new ArrayList<>();

    public ProtectedRoutes(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath != null) {
                index(type, classPath.value());
            }
        }
    }

    /** Whether {@code method} on {@code path} (as requested, without the query) needs a role. */
    public boolean requiresRole(String method, String path) {
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routes.stream().anyMatch(route -> route.method().equalsIgnoreCase(method)
                && route.path().matcher(normalised).matches());
    }

    private void index(Class<?> type, String classPath) {
        boolean classProtected = type.isAnnotationPresent(RolesAllowed.class);
        for (Method method : type.getMethods()) {
            String httpMethod = httpMethodOf(method);
            if (httpMethod == null) {
                continue;
            }
            boolean protectedMethod = method.isAnnotationPresent(RolesAllowed.class)
                    || (classProtected && !method.isAnnotationPresent(PermitAll.class));
            if (protectedMethod) {
                Path methodPath = method.getAnnotation(Path.class);
                routes.add(new Route(httpMethod, template(classPath + (methodPath == null ? "" : "/" + methodPath.value()))));
            }
        }
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** {@code /products/{id}/prices} as a pattern: each template variable one path segment. */
    static Pattern template(String path) {
        String joined = ("/" + path).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : joined.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
