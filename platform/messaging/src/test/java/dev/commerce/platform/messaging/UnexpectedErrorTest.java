package dev.commerce.platform.messaging;

import dev.commerce.platform.testing.CommerceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** An unexpected exception reaches the client as a problem with the request id, never with its message or stack. */
@QuarkusTest
@QuarkusTestResource(value = CommerceTestResource.class,
        initArgs = {@ResourceArg(name = CommerceTestResource.KAFKA_ARG, value = "restartable"),
                @ResourceArg(name = CommerceTestResource.DATABASE_ARG, value = "proxied")})
class UnexpectedErrorTest {

    @Test
    void answers_500_with_a_problem_that_reveals_nothing_inside() {
        given().header("X-Request-Id", "bug-report-1").when().get("/test/failing").then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("https://commerce.dev/problems/internal-error"))
                .body("requestId", equalTo("bug-report-1"))
                .body("detail", notNullValue())
                .body(not(containsString("secret")))
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at dev.commerce")));
    }
}
