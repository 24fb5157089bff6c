package dev.commerce.order.domain;

import dev.commerce.order.domain.saga.SagaEvent;
import jakarta.persistence.Embeddable;

/** A line inventory could not hold, as the order keeps it: asked for {@code requested}, {@code available} were left. */
@Embeddable
public class ShortLine {

    private String sku;
    private int requested;
    private long available;

    protected ShortLine() {
        // for Hibernate
    }

    private ShortLine(String sku, int requested, long available) {
        this.sku = sku;
        this.requested = requested;
        this.available = available;
    }

    static ShortLine of(SagaEvent.ShortLine line) {
        return new ShortLine(line.sku(), line.requested(), line.available());
    }

    SagaEvent.ShortLine toSaga() {
        return new SagaEvent.ShortLine(sku, requested, available);
    }

    public String sku() {
        return sku;
    }

    public int requested() {
        return requested;
    }

    public long available() {
        return available;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShortLine line && sku.equals(line.sku) && requested == line.requested && available == line.available;
    }

    @Override
    public int hashCode() {
        return sku.hashCode() * 31 + requested;
    }
}
