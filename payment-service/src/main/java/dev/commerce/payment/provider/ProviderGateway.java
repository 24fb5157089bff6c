package dev.commerce.payment.provider;

import dev.commerce.payment.config.PaymentConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The way to the providers: chooses one by name and bounds every call by {@code commerce.payment.provider-timeout}.
 * Nothing is retried here: whether a retry is safe is the caller's decision (it is, with the same idempotency key).
 */
@ApplicationScoped
public class ProviderGateway {

    private final Map<String, PaymentProvider> providers;
    private final PaymentConfig config;
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "payment-provider-call");
        thread.setDaemon(true);
        return thread;
    });

    public ProviderGateway(Instance<PaymentProvider> available, PaymentConfig config) {
        this.providers = available.stream().collect(Collectors.toMap(PaymentProvider::name, provider -> provider));
        this.config = config;
        if (!providers.containsKey(config.provider())) {
            throw new IllegalStateException("commerce.payment.provider=" + config.provider() + " names no provider; known: "
                    + providers.keySet());
        }
    }

    /** The provider new payments use. */
    public String defaultProvider() {
        return config.provider();
    }

    public boolean knows(String provider) {
        return providers.containsKey(provider);
    }

    /** Calls {@code provider}; throws {@link ProviderTimeout} when it does not answer in time. */
    public ProviderResult call(String provider, String operation, Function<PaymentProvider, ProviderResult> call) {
        PaymentProvider target = providers.get(provider);
        if (target == null) {
            throw new IllegalStateException("no payment provider named " + provider);
        }
        Future<ProviderResult> answer = calls.submit(() -> call.apply(target));
        try {
            return answer.get(config.providerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ProviderTimeout(operation, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderTimeout(operation, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void close() {
        calls.shutdownNow();
    }
}
