package dev.commerce.cart.api;

import dev.commerce.cart.domain.Address;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A postal address in requests and responses. */
@Schema(name = "Address")
public record AddressBody(
        @Schema(examples = "Ada") @NotBlank @Size(max = 100) String firstName,
        @Schema(examples = "Lovelace") @NotBlank @Size(max = 100) String lastName,
        @Schema(examples = "Analytical Engines Ltd") @Size(max = 200) String company,
        @Schema(examples = "1 Main St") @NotBlank @Size(max = 200) String line1,
        @Schema(examples = "2nd floor") @Size(max = 200) String line2,
        @Schema(examples = "10115") @NotBlank @Size(max = 20) String postalCode,
        @Schema(examples = "Berlin") @NotBlank @Size(max = 100) String city,
        @Schema(examples = "Berlin") @Size(max = 100) String region,
        @NotBlank @Pattern(regexp = "[A-Z]{2}") @Schema(description = "ISO 3166-1 alpha-2; decides shipping and tax", examples = "DE")
        String country,
        @Schema(examples = "+49 30 1234567") @Size(max = 40) String phone) {

    Address toAddress() {
        return new Address(firstName, lastName, company, line1, line2, postalCode, city, region, country, phone);
    }

    static AddressBody of(Address address) {
        return address == null ? null : new AddressBody(address.firstName(), address.lastName(), address.company(),
                address.line1(), address.line2(), address.postalCode(), address.city(), address.region(),
                address.country(), address.phone());
    }
}
