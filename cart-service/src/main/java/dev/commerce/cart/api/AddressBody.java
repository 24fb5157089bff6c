package dev.commerce.cart.api;

import dev.commerce.cart.domain.Address;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A postal address in requests and responses. */
@Schema(name = "Address")
public record AddressBody(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 200) String company,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 20) String postalCode,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String region,
        @NotBlank @Pattern(regexp = "[A-Z]{2}") @Schema(description = "ISO 3166-1 alpha-2; decides shipping and tax", examples = "DE")
        String country,
        @Size(max = 40) String phone) {

    Address toAddress() {
        return new Address(firstName, lastName, company, line1, line2, postalCode, city, region, country, phone);
    }

    static AddressBody of(Address address) {
        return address == null ? null : new AddressBody(address.firstName(), address.lastName(), address.company(),
                address.line1(), address.line2(), address.postalCode(), address.city(), address.region(),
                address.country(), address.phone());
    }
}
