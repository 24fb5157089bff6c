package dev.commerce.cart.application;

import dev.commerce.cart.domain.CartRuleViolation;
import dev.commerce.cart.domain.RateBand;
import dev.commerce.cart.domain.ShippingMethod;
import dev.commerce.cart.domain.ShippingZone;
import dev.commerce.cart.persistence.ShippingRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

/** The merchant's shipping set-up: zones of countries, and methods per zone with their rate bands. */
@ApplicationScoped
@Transactional
public class ShippingAdministration {

    /** What a method is made of, as the admin API receives it. */
    public record MethodDefinition(UUID zoneId, String name, ShippingMethod.Basis basis, List<RateBand> bands,
                                   Map<String, BigDecimal> freeAbove, boolean active) {
    }

    private final ShippingRepository shipping;

    private final CartSettings settings;

    public ShippingAdministration(ShippingRepository shipping, CartSettings settings) {
        this.settings = settings;
        this.shipping = shipping;
    }

    public ShippingZone createZone(String name, List<String> countries) {
        settings.invalidateAfterCommit();
        ShippingZone zone = new ShippingZone(name, countries);
        shipping.save(zone);
        shipping.flush();
        return zone;
    }

    public ShippingZone changeZone(UUID id, LongConsumer precondition, String name, List<String> countries) {
        settings.invalidateAfterCommit();
        ShippingZone zone = zone(id);
        precondition.accept(zone.version());
        zone.change(name, countries);
        shipping.flush();
        return zone;
    }

    public void deleteZone(UUID id, LongConsumer precondition) {
        settings.invalidateAfterCommit();
        ShippingZone zone = zone(id);
        precondition.accept(zone.version());
        if (shipping.zoneInUse(id)) {
            throw new CartRuleViolation(CartRuleViolation.Kind.CONFLICT, "zone-in-use", "Zone in use",
                    "the zone still has shipping methods: delete them first");
        }
        shipping.delete(zone);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ShippingZone zone(UUID id) {
        return shipping.zone(id).orElseThrow(() -> ProblemException.notFound("shipping zone", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShippingZone> zones() {
        return shipping.zones();
    }

    public ShippingMethod createMethod(MethodDefinition definition) {
        settings.invalidateAfterCommit();
        zone(definition.zoneId());
        ShippingMethod method = new ShippingMethod(definition.zoneId(), definition.name(), definition.basis(),
                definition.bands(), definition.freeAbove(), definition.active());
        shipping.persistAndFlush(method);
        return method;
    }

    /** Changes a method (its zone stays). Carts holding it are re-checked at their next change or read. */
    public ShippingMethod changeMethod(UUID id, LongConsumer precondition, MethodDefinition definition) {
        settings.invalidateAfterCommit();
        ShippingMethod method = method(id);
        precondition.accept(method.version());
        method.change(definition.name(), definition.basis(), definition.bands(), definition.freeAbove(), definition.active());
        shipping.flush();
        return method;
    }

    public void deleteMethod(UUID id, LongConsumer precondition) {
        settings.invalidateAfterCommit();
        ShippingMethod method = method(id);
        precondition.accept(method.version());
        shipping.delete(method);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ShippingMethod method(UUID id) {
        return shipping.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("shipping method", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShippingMethod> methods(UUID zoneId) {
        return shipping.methods(zoneId);
    }
}
