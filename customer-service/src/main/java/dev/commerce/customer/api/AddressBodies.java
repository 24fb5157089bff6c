package dev.commerce.customer.api;

import dev.commerce.customer.application.AddressBook;
import dev.commerce.customer.domain.CustomerAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Address book bodies. The postal fields are a cart's address fields, so one can be sent to the other unchanged. */
final class AddressBodies {

    private AddressBodies() {
    }

    @Schema(name = "CustomerAddressInput", description = "An address of the book. The first address becomes both "
            + "defaults; defaultShipping/defaultBilling true moves that default to this address, false takes it "
            + "away, absent leaves it as it is.")
    record Input(
            @NotBlank @Size(max = 100) @Schema(examples = "Ana") String firstName,
            @NotBlank @Size(max = 100) @Schema(examples = "Kowalska") String lastName,
            @Schema(examples = "Kowalski Sp. z o.o.") @Size(max = 200) String company,
            @NotBlank @Size(max = 200) @Schema(examples = "ul. Marszałkowska 1") String line1,
            @Schema(examples = "lok. 12") @Size(max = 200) String line2,
            @NotBlank @Size(max = 20) @Schema(examples = "00-001") String postalCode,
            @NotBlank @Size(max = 100) @Schema(examples = "Warszawa") String city,
            @Schema(examples = "mazowieckie") @Size(max = 100) String region,
            @NotBlank @Pattern(regexp = "[A-Z]{2}") @Schema(description = "ISO 3166-1 alpha-2", examples = "PL") String country,
            @Size(max = 40) @Schema(examples = "+48 600 100 200") String phone,
            @Schema(examples = "true") Boolean defaultShipping,
            @Schema(examples = "true") Boolean defaultBilling) {

        CustomerAddress.Fields fields() {
            return new CustomerAddress.Fields(firstName, lastName, company, line1, line2, postalCode, city, region,
                    country, phone);
        }

        AddressBook.Defaults defaults() {
            return new AddressBook.Defaults(defaultShipping, defaultBilling);
        }
    }

    @Schema(name = "CustomerAddress")
    record Output(
            UUID id,
            @Schema(examples = "Ana") String firstName,
            @Schema(examples = "Kowalska") String lastName,
            @Schema(examples = "Kowalski Sp. z o.o.") String company,
            @Schema(examples = "ul. Marszałkowska 1") String line1,
            @Schema(examples = "lok. 12") String line2,
            @Schema(examples = "00-001") String postalCode,
            @Schema(examples = "Warszawa") String city,
            @Schema(examples = "mazowieckie") String region,
            @Schema(examples = "PL") String country,
            @Schema(examples = "+48 22 123 45 67") String phone,
            boolean defaultShipping,
            boolean defaultBilling,
            Instant createdAt) {

        static Output of(CustomerAddress address) {
            CustomerAddress.Fields f = address.fields();
            return new Output(address.id(), f.firstName(), f.lastName(), f.company(), f.line1(), f.line2(),
                    f.postalCode(), f.city(), f.region(), f.country(), f.phone(), address.defaultShipping(),
                    address.defaultBilling(), address.createdAt());
        }
    }
}
