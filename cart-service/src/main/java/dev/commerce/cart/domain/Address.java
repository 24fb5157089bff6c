package dev.commerce.cart.domain;

/** A postal address as a shopper enters it; {@code country} is ISO 3166-1 alpha-2 and decides shipping and tax. */
public record Address(String firstName, String lastName, String company, String line1, String line2, String postalCode,
                      String city, String region, String country, String phone) {

    public Address {
        TaxRate.requireCountry(country);
    }
}
