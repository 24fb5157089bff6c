package dev.commerce.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Per currency: whether the catalog's prices include tax (gross, EU style) or have it added (net, US style). */
@Entity
@Table(name = "tax_setting")
public class TaxSetting {

    @Id
    private String currency;
    @Column(name = "prices_include_tax")
    private boolean pricesIncludeTax;
    @Version
    private long version;

    protected TaxSetting() {
        // for Hibernate
    }

    public TaxSetting(String currency, boolean pricesIncludeTax) {
        this.currency = currency;
        this.pricesIncludeTax = pricesIncludeTax;
    }

    public void change(boolean pricesIncludeTax) {
        this.pricesIncludeTax = pricesIncludeTax;
    }

    public String currency() {
        return currency;
    }

    public boolean pricesIncludeTax() {
        return pricesIncludeTax;
    }

    public long version() {
        return version;
    }
}
