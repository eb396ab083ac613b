package dev.chainbreaker.flink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Flink job sits on top of the core; the core never learns about Flink (ARCHITECTURE.md). */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.chainbreaker");
  }

  @Test
  void theCoreAndTheScreenerKnowNothingOfFlink() {
    noClasses().that().resideInAnyPackage("dev.chainbreaker.core..", "dev.chainbreaker.screen..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.flink..", "org.apache.kafka..", "dev.chainbreaker.flink..")
        .check(classes);
  }

  @Test
  void theJobUsesOnlyTheCoreAndTheScreener() {
    noClasses().that().resideInAPackage("dev.chainbreaker.flink..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.chainbreaker.store..", "dev.chainbreaker.server..", "dev.chainbreaker.bench..")
        .check(classes);
  }

  @Test
  void decisionsComeFromTheCoresStepFunctionNotFromACopy() {
    // The phone stage runs dev.chainbreaker.core.Step; nothing here re-implements rules or CEL.
    noClasses().that().resideInAPackage("dev.chainbreaker.flink..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.cel..")
        .check(classes);
  }
}
