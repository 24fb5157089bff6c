package dev.commerce.platform.web.http;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The time every service reads: UTC from the system. Use cases inject {@link Clock} instead of calling
 * {@code Clock.systemUTC()}, so a test can put its own clock in (an {@code @Alternative} producer, or
 * {@code QuarkusMock.installMockForType}) and move time without waiting for it.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
