package dev.commerce.customer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the sign-up, sign-in and credential calls. Passwords are checked by the policy, not here. */
final class AuthRequests {

    private AuthRequests() {
    }

    @Schema(name = "SignUp")
    record SignUp(
            @NotBlank @Size(max = 254) @Schema(description = "The account's e-mail address (case does not matter)",
                    examples = "ana@example.com") String email,
            @NotNull @Size(max = 1024) @Schema(description = "10 to 128 characters, not a common password",
                    examples = "correct horse battery staple") String password,
            @NotBlank @Size(max = 200) @Schema(description = "How the shop addresses the customer", examples = "Ana Kowalska")
            String name) {
    }

    @Schema(name = "SignIn")
    record SignIn(
            @NotBlank @Size(max = 254) @Schema(examples = "ana@example.com") String email,
            @NotNull @Size(max = 1024) @Schema(examples = "correct horse battery staple") String password) {
    }

    @Schema(name = "RefreshTokenBody")
    record RefreshTokenBody(
            @NotBlank @Size(max = 200) @Schema(description = "The refresh token of the last sign-in or refresh",
                    examples = "mF3kQ9vX2bN7rT1yW5uA8cE0gH4jL6pS9dZ2hK7mQ1w") String refreshToken) {
    }

    @Schema(name = "PasswordResetRequest")
    record PasswordResetRequest(@NotBlank @Size(max = 254) @Schema(examples = "ana@example.com") String email) {
    }

    @Schema(name = "PasswordReset")
    record PasswordReset(
            @NotBlank @Size(max = 200) @Schema(description = "The token of the reset link",
                    examples = "Zp4Lm8Qr2Vt6Xw0Ya3Bc5De7Fg9Hj1Kl3Mn5Op7Qr9") String token,
            @NotNull @Size(max = 1024) @Schema(examples = "a new long passphrase") String newPassword) {
    }

    @Schema(name = "EmailVerification")
    record EmailVerification(
            @NotBlank @Size(max = 200) @Schema(description = "The token of the verification link",
                    examples = "q3Zk1v0bX8mN2rT5yW7uA9cE4gH6jL0pS1dF3hK5mQ8") String token) {
    }

    @Schema(name = "PasswordChange")
    record PasswordChange(
            @NotNull @Size(max = 1024) @Schema(examples = "correct horse battery staple") String currentPassword,
            @NotNull @Size(max = 1024) @Schema(examples = "a new long passphrase") String newPassword) {
    }
}
