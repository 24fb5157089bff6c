package dev.commerce.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A shop on a launched platform, as its merchant and its storefront use it over HTTP: German VAT and a shipping
 * method set up once, products with stock, carts ready to check out, checkouts, and the back office's view of
 * orders and stock.
 */
final class Shop {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    private final PlatformLauncher.Launch platform;
    private final Map<String, String> tokens;
    private final String shippingMethod;

    /** Sets up VAT 19% for Germany and a 4.90 standard shipping method. */
    Shop(PlatformLauncher.Launch platform, Map<String, String> tokens) {
        this.platform = platform;
        this.tokens = tokens;
        asAdmin().body("{\"country\":\"DE\",\"taxCategory\":\"standard\",\"name\":\"VAT 19%\",\"ratePercent\":19}")
                .post(url("cart-service", "/tax-rates")).then().statusCode(201);
        String zone = asAdmin().body("{\"name\":\"Germany\",\"countries\":[\"DE\"]}")
                .post(url("cart-service", "/shipping-zones")).then().statusCode(201).extract().path("id");
        shippingMethod = asAdmin().body("""
                        {"zoneId":"%s","name":"Standard","basis":"WEIGHT","bands":[{"currency":"EUR","from":"0","price":"4.90"}]}"""
                        .formatted(zone))
                .post(url("cart-service", "/shipping-methods")).then().statusCode(201).extract().path("id");
    }

    String token(String name) {
        return tokens.get(name);
    }

    String url(String service, String path) {
        return platform.baseUrl(service) + path;
    }

    RequestSpecification asAdmin() {
        return given().auth().oauth2(tokens.get("ADMIN_TOKEN")).contentType(ContentType.JSON);
    }

    /** A product at 50.00 (VAT included) with {@code units} in stock; returns its SKU. */
    String productInStock(int units) {
        return productInStock(units, "Checkout shoe");
    }

    /** A product named {@code name} at 50.00 (VAT included) with {@code units} in stock; returns its SKU. */
    String productInStock(int units, String name) {
        String sku = product(name);
        receive(sku, units, asAdmin());
        return sku;
    }

    /** A product named {@code name} at 50.00 (VAT included), not stocked yet; returns its SKU. */
    String product(String name) {
        String sku = "CO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        asAdmin().body("""
                        {"slug":"%s","name":"%s","status":"ACTIVE","taxCategory":"standard",
                         "variants":[{"sku":"%s","weightGrams":500,"prices":[{"currency":"EUR","amount":"50.00"}]}]}"""
                        .formatted(sku.toLowerCase(), name, sku))
                .post(url("catalog-service", "/products")).then().statusCode(201);
        return sku;
    }

    /** Receives {@code units} of {@code sku} into a warehouse of its own, as {@code admin} sends it. */
    void receive(String sku, int units, RequestSpecification admin) {
        String warehouse = asAdmin().body("{\"code\":\"W-" + sku.substring(3) + "\",\"name\":\"Main\",\"country\":\"DE\",\"priority\":1}")
                .post(url("inventory-service", "/warehouses")).then().statusCode(201).extract().path("id");
        admin.header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"quantity\":" + units + ",\"reference\":\"PO-1\"}")
                .post(url("inventory-service", "/stock/" + sku + "/warehouses/" + warehouse + "/receipts")).then().statusCode(200);
    }

    /**
     * A shopper's cart with {@code quantity} of {@code sku}, addresses and the shipping method, ready to check out;
     * waits until the product and its stock reached cart-service.
     */
    String readyCart(RequestSpecification shopper, String sku, int quantity, String email) {
        String cart = shopper.body("{\"currency\":\"EUR\"}").post(url("cart-service", "/carts")).then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(201)).or(equalTo(200))).extract().path("id");
        Awaitility.await("the product and its stock to reach the cart").atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> shopper.body("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}")
                        .post(url("cart-service", "/carts/" + cart + "/items")).statusCode() == 201);
        shopper.body("""
                        {"email":"%s","shippingAddress":{"firstName":"Ada","lastName":"Lovelace","line1":"1 Main St",
                         "postalCode":"10115","city":"Berlin","country":"DE"}}""".formatted(email))
                .put(url("cart-service", "/carts/" + cart + "/addresses")).then().statusCode(200);
        shopper.body("{\"methodId\":\"" + shippingMethod + "\"}").put(url("cart-service", "/carts/" + cart + "/shipping-method"))
                .then().statusCode(200);
        return cart;
    }

    /** A guest's ready cart of one unit. */
    String readyGuestCart(String sku, String emailPrefix) {
        return readyCart(given().contentType(ContentType.JSON), sku, 1,
                emailPrefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    /** POST /orders with a new Idempotency-Key and Prefer: wait=10. */
    Response checkout(RequestSpecification shopper, String cart, String paymentMethod) {
        return checkout(shopper, cart, paymentMethod, UUID.randomUUID().toString());
    }

    Response checkout(RequestSpecification shopper, String cart, String paymentMethod, String idempotencyKey) {
        return shopper.header("Idempotency-Key", idempotencyKey).header("Prefer", "wait=10")
                .body("{\"cartId\":\"" + cart + "\",\"paymentMethod\":\"" + paymentMethod + "\"}").post(url("order-service", "/orders"));
    }

    JsonPath adminOrder(String orderId) {
        return asAdmin().get(url("order-service", "/orders/" + orderId)).then().statusCode(200).extract().jsonPath();
    }

    JsonPath stock(String sku) {
        return asAdmin().get(url("inventory-service", "/stock/" + sku)).then().statusCode(200).extract().jsonPath();
    }

    /** The order's payments at payment-service, oldest first. */
    JsonPath payments(String orderId) {
        return asAdmin().queryParam("orderId", orderId).get(url("payment-service", "/payments")).then().statusCode(200)
                .extract().jsonPath();
    }

    void awaitOrder(String orderId, String status) {
        awaitOrder(orderId, status, DEADLINE);
    }

    void awaitOrder(String orderId, String status, Duration deadline) {
        Awaitility.await("order " + orderId + " to be " + status).atMost(deadline).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(adminOrder(orderId).getString("status")).isEqualTo(status));
    }
}
