package dev.commerce.customer.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.customer.config.CustomerConfig;
import dev.commerce.customer.domain.Customer;
import dev.commerce.customer.domain.CustomerAddress;
import dev.commerce.customer.domain.CustomerRuleViolation;
import dev.commerce.customer.domain.PrivacyRequest;
import dev.commerce.customer.messaging.CustomerEvents;
import dev.commerce.customer.persistence.AddressRepository;
import dev.commerce.customer.persistence.CustomerRepository;
import dev.commerce.customer.persistence.PrivacyRepository;
import dev.commerce.customer.persistence.SessionRepository;
import dev.commerce.platform.messaging.privacy.PlatformRecordsErasure;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Privacy requests. An export asks every service holding personal data for its part (customer.privacy.v1) and is
 * READY once all parts arrived; the customer then downloads one document. An erasure deletes the account here at once
 * (its sessions, addresses and the platform tables' copies with it), forgets it on customer.v1 with a tombstone, asks
 * every service to erase what it holds, and is COMPLETED once all confirmed. A service that was down answers when it
 * is back: the request waits on the topic (30 days).
 */
@ApplicationScoped
@Transactional
public class PrivacyRequests {

    private static final Logger LOG = Logger.getLogger(PrivacyRequests.class);
    static final String THIS_SERVICE = "customer-service";

    /** A request with how far each service has answered. */
    public record Progress(PrivacyRequest request, Map<String, Boolean> services) {
    }

    private final PrivacyRepository privacy;
    private final CustomerRepository customers;
    private final AddressRepository addresses;
    private final SessionRepository sessions;
    private final SignInThrottling throttling;
    private final PasswordHasher hasher;
    private final PlatformRecordsErasure platformRecords;
    private final CustomerEvents events;
    private final ObjectMapper json;
    private final CustomerConfig config;
    private final Clock clock;

    public PrivacyRequests(PrivacyRepository privacy, CustomerRepository customers, AddressRepository addresses,
                           SessionRepository sessions, SignInThrottling throttling, PasswordHasher hasher,
                           PlatformRecordsErasure platformRecords,
                           CustomerEvents events, ObjectMapper json, CustomerConfig config, Clock clock) {
        this.privacy = privacy;
        this.customers = customers;
        this.addresses = addresses;
        this.sessions = sessions;
        this.throttling = throttling;
        this.hasher = hasher;
        this.platformRecords = platformRecords;
        this.events = events;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    public Progress requestExport(UUID customerId, String requestedBy) {
        Instant now = Instant.now(clock);
        Customer customer = customers.findByIdOptional(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        PrivacyRequest request = new PrivacyRequest(customerId, PrivacyRequest.Kind.EXPORT, requestedBy, now);
        privacy.persistAndFlush(request);
        privacy.addPart(request.id(), THIS_SERVICE, 1, 1, write(List.of(ownPart(customer))), now);
        events.privacyExportRequested(request.id(), customer, now);
        LOG.infof("Privacy export %s requested for customer %s", request.id(), customerId);
        return settle(request, now);
    }

    /** Erases the account; {@code password}, when given, must be the account's (a customer proves it is them). */
    public Progress erase(UUID customerId, String requestedBy, String password) {
        Instant now = Instant.now(clock);
        Customer customer = customers.lock(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        if (password != null && !hasher.matches(password, customer.passwordHash())) {
            throw new CustomerRuleViolation(CustomerRuleViolation.Kind.UNPROCESSABLE, "wrong-password",
                    "the password is wrong");
        }
        PrivacyRequest request = new PrivacyRequest(customerId, PrivacyRequest.Kind.ERASURE, requestedBy, now);
        privacy.persistAndFlush(request);
        privacy.deleteExportsOf(customerId);
        events.erased(request.id(), customer, now);
        platformRecords.erase(List.of(customerId.toString(), customer.email()));
        throttling.clearAccount(customer.email());
        customers.delete(customer);
        customers.flush();
        privacy.addPart(request.id(), THIS_SERVICE, 1, 1, null, now);
        LOG.infof("Customer %s erased (request %s); the other services are asked to erase theirs", customerId, request.id());
        return settle(request, now);
    }

    /** A chunk of a service's export part, or ({@code dataJson} null) its confirmation of an erasure. */
    public void answered(UUID requestId, String service, int part, int parts, String dataJson) {
        Instant now = Instant.now(clock);
        privacy.lock(requestId).ifPresentOrElse(request -> {
            privacy.addPart(requestId, service, part, parts, dataJson, now);
            settle(request, now);
        }, () -> LOG.debugf("An answer of %s for privacy request %s, which no longer exists (erased or expired)", service, requestId));
    }

    /** The request, if it is {@code owner}'s (null: the back office may see any). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress get(UUID requestId, UUID owner) {
        PrivacyRequest request = privacy.findByIdOptional(requestId)
                .filter(found -> owner == null || found.customerId().equals(owner))
                .orElseThrow(() -> ProblemException.notFound("privacy request", requestId));
        return progress(request);
    }

    /** The export as one JSON document: every service's records under its name. 409 while parts are missing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String document(UUID requestId, UUID owner) {
        PrivacyRequest request = get(requestId, owner).request();
        if (request.kind() != PrivacyRequest.Kind.EXPORT || request.status() != PrivacyRequest.Status.READY) {
            throw ProblemException.conflict("export-not-ready", "the export is not ready: some services have not sent their part yet");
        }
        Map<String, String> parts = privacy.documents(requestId);
        StringBuilder document = new StringBuilder("{\"requestId\":\"").append(requestId).append("\",\"customerId\":\"")
                .append(request.customerId()).append("\",\"requestedAt\":\"").append(request.requestedAt())
                .append("\",\"parts\":{");
        document.append(services().stream().map(service -> quote(service) + ":" + parts.getOrDefault(service, "[]"))
                .collect(Collectors.joining(",")));
        return document.append("}}").toString();
    }

    /** Housekeeping: downloads are kept for the configured time. */
    public long deleteExpiredExports() {
        return privacy.deleteExportsCompletedBefore(Instant.now(clock).minus(config.privacy().exportRetention()));
    }

    private Progress settle(PrivacyRequest request, Instant now) {
        Map<String, Integer> received = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        privacy.counts(request.id()).forEach(count -> {
            received.put(count.service(), count.received());
            expected.put(count.service(), count.expected());
        });
        if (request.settle(services(), received, expected, now)) {
            LOG.infof("Privacy request %s (%s) is %s", request.id(), request.kind(), request.status());
        }
        return progress(request);
    }

    private Progress progress(PrivacyRequest request) {
        Map<String, Boolean> answered = new LinkedHashMap<>();
        Map<String, PrivacyRepository.PartCount> counts = privacy.counts(request.id()).stream()
                .collect(Collectors.toMap(PrivacyRepository.PartCount::service, count -> count));
        for (String service : services()) {
            PrivacyRepository.PartCount count = counts.get(service);
            answered.put(service, count != null && count.received() == count.expected());
        }
        return new Progress(request, answered);
    }

    private Set<String> services() {
        return new LinkedHashSet<>(config.privacy().services());
    }

    /** What this service holds of the customer; never the password hash. */
    private Map<String, Object> ownPart(Customer customer) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("id", customer.id());
        part.put("email", customer.email());
        part.put("name", customer.name());
        part.put("phone", customer.phone());
        part.put("emailVerified", customer.emailVerified());
        part.put("status", customer.status());
        part.put("groups", customer.groups());
        part.put("confirmedOrders", customer.confirmedOrders());
        part.put("createdAt", customer.createdAt());
        part.put("addresses", addresses.ofCustomer(customer.id()).stream().map(PrivacyRequests::address).toList());
        part.put("activeSessions", sessions.activeOf(customer.id()).stream()
                .map(session -> Map.of("id", session.id(), "createdAt", session.createdAt())).toList());
        return part;
    }

    private static Map<String, Object> address(CustomerAddress address) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("id", address.id(), "defaultShipping", address.defaultShipping(),
                "defaultBilling", address.defaultBilling()));
        CustomerAddress.Fields f = address.fields();
        fields.put("firstName", f.firstName());
        fields.put("lastName", f.lastName());
        fields.put("company", f.company());
        fields.put("line1", f.line1());
        fields.put("line2", f.line2());
        fields.put("postalCode", f.postalCode());
        fields.put("city", f.city());
        fields.put("region", f.region());
        fields.put("country", f.country());
        fields.put("phone", f.phone());
        return fields;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the export part cannot be written as JSON", e);
        }
    }

    private String quote(String text) {
        return write(text);
    }
}
