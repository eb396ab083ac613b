package dev.chainbreaker.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Module and package directions (ARCHITECTURE.md), enforced rather than hoped for. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.chainbreaker");
  }

  @Test
  void screeningDependsOnNothingOfOurs() {
    noClasses().that().resideInAPackage("dev.chainbreaker.screen..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.chainbreaker.core..", "dev.chainbreaker.store..", "dev.chainbreaker.server..", "dev.chainbreaker.bench..")
        .check(classes);
  }

  @Test
  void theCoreDependsOnlyOnScreening() {
    noClasses().that().resideInAPackage("dev.chainbreaker.core..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.chainbreaker.store..", "dev.chainbreaker.server..", "dev.chainbreaker.flink..", "dev.chainbreaker.bench..")
        .check(classes);
  }

  @Test
  void theCoreIsAPureStepFunctionWithNoClockOfItsOwn() {
    noClasses().that().resideInAPackage("dev.chainbreaker.core..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.OffsetDateTime.class, "now")
        .because("windows run on event time; decide() must replay identically")
        .check(classes);
  }

  @Test
  void theCoreDoesNoIoAndUsesNoFrameworks() {
    noClasses().that().resideInAnyPackage("dev.chainbreaker.core.state..", "dev.chainbreaker.core.graph..", "dev.chainbreaker.core.rules..")
        .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.sql..", "io.javalin..", "org.rocksdb..", "org.apache.flink..")
        .check(classes);
  }

  @Test
  void corePackagesLayerFromEventsUp() {
    // event ← state, graph ← rules ← core (Decider, Engine) ← replay
    noClasses().that().resideInAPackage("dev.chainbreaker.core.event..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.chainbreaker.core.state..", "dev.chainbreaker.core.graph..", "dev.chainbreaker.core.rules..", "dev.chainbreaker.core.replay..")
        .check(classes);
    noClasses().that().resideInAnyPackage("dev.chainbreaker.core.state..", "dev.chainbreaker.core.graph..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.chainbreaker.core.rules..", "dev.chainbreaker.core.replay..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.chainbreaker.core.rules..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.chainbreaker.core.replay..")
        .check(classes);
  }

  @Test
  void onlyTheStoreTouchesRocksDb() {
    noClasses().that().resideOutsideOfPackage("dev.chainbreaker.store..")
        .should().dependOnClassesThat().resideInAPackage("org.rocksdb..")
        .check(classes);
  }
}
