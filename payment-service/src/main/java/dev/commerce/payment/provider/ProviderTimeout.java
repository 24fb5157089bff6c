package dev.commerce.payment.provider;

/** The provider did not answer in time: the outcome is unknown, so the payment stays as it was. */
public class ProviderTimeout extends RuntimeException {

    public ProviderTimeout(String operation, Throwable cause) {
        super("the payment provider did not answer " + operation + " in time", cause);
    }
}
