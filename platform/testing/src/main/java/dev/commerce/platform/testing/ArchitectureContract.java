package dev.commerce.platform.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The layers of a service, held by a test every service runs (a plain unit test: it reads the compiled classes).
 * {@code api} and inbound {@code messaging} (consumers) call {@code application}, which calls {@code domain},
 * {@code persistence}, {@code client} and outbound {@code messaging} (event mapping); a {@code search} adapter
 * implements a port of {@code application} and is named by nobody; {@code config} is read by anyone. {@code domain} imports no framework (Quarkus, JAX-RS, Kafka, MicroProfile, platform/web), no SQL or
 * {@code EntityManager} appears outside {@code persistence}, and no service depends on another service's classes.
 * A service's test extends it with its base package: {@code class ArchitectureTest extends ArchitectureContract}.
 */
public abstract class ArchitectureContract {

    private static final List<String> SERVICES = List.of("catalog", "cart", "order", "inventory", "payment", "customer");

    private final String base;
    private final JavaClasses classes;

    /** {@code service}: the last part of the service's base package, e.g. {@code inventory}. */
    protected ArchitectureContract(String service) {
        this.base = "dev.commerce." + service;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
    }

    private String layer(String name) {
        return base + "." + name + "..";
    }

    /** Inbound messaging: the consumers, which translate events into use cases. */
    private static final DescribedPredicate<JavaClass> CONSUMERS = new DescribedPredicate<>("event consumers") {
        @Override
        public boolean test(JavaClass type) {
            return consumer(type) || type.getEnclosingClass().map(outer -> consumer(outer)).orElse(false);
        }
    };

    private static boolean consumer(JavaClass type) {
        return type.isAssignableTo("dev.commerce.platform.messaging.inbox.EventConsumer")
                || type.isAssignableTo("dev.commerce.platform.messaging.inbox.BroadcastConsumer");
    }

    @Test
    void calls_go_down_the_layers() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy(layer("api"))
                .layer("consumers").definedBy(CONSUMERS)
                .layer("application").definedBy(layer("application"))
                .layer("domain").definedBy(layer("domain"))
                .layer("persistence").definedBy(layer("persistence"))
                .layer("client").definedBy(layer("client"), layer("provider"))
                .layer("events").definedBy(resideInAPackage(layer("messaging")).and(DescribedPredicate.not(CONSUMERS)))
                .layer("config").definedBy(layer("config"))
                .layer("search").definedBy(layer("search"))
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("consumers").mayNotBeAccessedByAnyLayer()
                // a search adapter implements a port of application (CDI injects it; nothing names it)
                .whereLayer("application").mayOnlyBeAccessedByLayers("api", "consumers", "search")
                .whereLayer("search").mayNotBeAccessedByAnyLayer()
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("application")
                .whereLayer("client").mayOnlyBeAccessedByLayers("application")
                .whereLayer("events").mayOnlyBeAccessedByLayers("application")
                .whereLayer("domain").mayOnlyAccessLayers("domain")
                .allowEmptyShould(true);
        layers.check(classes);
    }

    @Test
    void the_domain_imports_no_framework() {
        noClasses().that().resideInAPackage(layer("domain")).should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws.rs..", "org.apache.kafka..", "org.eclipse.microprofile..",
                        "io.smallrye..", "io.vertx..", "dev.commerce.platform.web..", "dev.commerce.platform.messaging..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void no_sql_or_entity_manager_outside_persistence() {
        // mapping annotations on entities (jakarta.persistence, org.hibernate.annotations, and the Immutability
        // plan that @Mutability names) are not queries
        noClasses().that().resideOutsideOfPackage(layer("persistence")).should().dependOnClassesThat(
                        resideInAnyPackage("java.sql..", "javax.sql..", "io.quarkus.hibernate.orm.panache..", "org.hibernate..")
                                .and(DescribedPredicate.not(resideInAPackage("org.hibernate.annotations..")))
                                .and(DescribedPredicate.not(name("org.hibernate.type.descriptor.java.Immutability"))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.Query")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.TypedQuery")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void no_service_depends_on_another_services_classes() {
        String[] others = SERVICES.stream().map(service -> "dev.commerce." + service + "..")
                .filter(other -> !other.equals(base + "..")).toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others).allowEmptyShould(true).check(classes);
    }
}
