package dev.baton.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The domain is plain Java: no framework, SDK, Lambda or JSON library leaks into it. (Plain ArchUnit
 * rather than its JUnit 5 engine, which does not run on the JUnit 6 platform that quarkus-junit brings.)
 */
class DomainPurityTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.baton");
    }

    @Test
    void domainImportsNoQuarkusAwsLambdaOrJacksonTypes() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "jakarta..", "software.amazon..", "com.amazonaws..",
                        "com.fasterxml.jackson..", "org.jboss..", "io.vertx..")
                .because("STYLE.md: the domain imports no Quarkus, AWS SDK, Lambda or Jackson types")
                .check(classes);
    }

    @Test
    void applicationLayerTalksToPortsNotToAwsOrHttp() {
        noClasses().that().resideInAPackage("..app..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "dev.baton.function..")
                .because("services talk to ports; adapters own the SDK and the HTTP glue")
                .check(classes);
    }

    @Test
    void nothingInTheArtifactDependsOnTheLocalRuntime() {
        noClasses().that().resideOutsideOfPackage("dev.baton.local..")
                .should().dependOnClassesThat().resideInAPackage("dev.baton.local..")
                .because("the local runtime is test-scope and never part of function.zip")
                .check(classes);
    }

    @Test
    void featurePackagesDependOnEachOtherInOneDirectionOnly() {
        // shared <- flow <- order <- sync: sync reads orders to build payloads; orders know nothing of sync
        slices().matching("dev.baton.(*)..").should().beFreeOfCycles()
                .because("STYLE.md: features depend on each other in one direction only").check(classes);
        noClasses().that().resideInAPackage("dev.baton.order..")
                .should().dependOnClassesThat().resideInAPackage("dev.baton.sync..")
                .because("the sync state is the sync feature's; an order does not know it").check(classes);
        // events <- (order, sync): events read their items; neither knows events exist
        noClasses().that().resideInAnyPackage("dev.baton.order..", "dev.baton.sync..", "dev.baton.flow..",
                        "dev.baton.shared..")
                .should().dependOnClassesThat().resideInAPackage("dev.baton.events..")
                .because("events are derived from the table's change stream, never written by the request path")
                .check(classes);
        noClasses().that().resideInAPackage("dev.baton.events.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.baton.order.app..", "dev.baton.order.infra..",
                        "dev.baton.sync.app..", "dev.baton.sync.infra..", "dev.baton.function..")
                .because("the event rules read domain values only").check(classes);
        noClasses().that().resideInAPackage("dev.baton.flow..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.baton.order..", "dev.baton.sync..")
                .because("definitions know nothing of the orders that use them").check(classes);
        noClasses().that().resideInAPackage("dev.baton.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.baton.flow..", "dev.baton.order..",
                        "dev.baton.sync..", "dev.baton.function..")
                .because("shared is below every feature").check(classes);
    }

    @Test
    void entryPointsTalkToServicesNotToAdapters() {
        noClasses().that().resideInAPackage("dev.baton.function..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.baton.flow.infra..", "dev.baton.order.infra..",
                        "dev.baton.sync.infra..", "dev.baton.events.infra..")
                .because("STYLE.md: entry points map events to a service call; adapters are the services' business")
                .check(classes);
    }
}
