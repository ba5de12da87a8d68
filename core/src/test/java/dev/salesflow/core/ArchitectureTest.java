package dev.salesflow.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout of core as rules that fail the build: the values ({@code model}) at the bottom, the
 * facade ({@code api}) on top, and no cycle between the packages in between, so each package can
 * be read, tested and replaced (a new store is a new subpackage of {@code store}) on its own.
 */
@AnalyzeClasses(packages = "dev.salesflow.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** A package with its subpackages ({@code store} holds {@code store.yaml} and {@code store.sqlite}) is one slice. */
  @ArchTest
  static final ArchRule corePackagesAreFreeOfCycles = slices()
      .matching("dev.salesflow.core.(*)..")
      .should().beFreeOfCycles();

  /**
   * Every package on its own, too: {@code store.yaml} and {@code store.sqlite} depend on {@code
   * store}'s interfaces, never {@code store} on them, so a new store is one more subpackage.
   */
  @ArchTest
  static final ArchRule everyPackageIsFreeOfCycles = slices()
      .matching("dev.salesflow.core.(**)")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule modelDependsOnNoOtherSalesflowPackage = noClasses()
      .that().resideInAPackage("dev.salesflow.core.model..")
      .should().dependOnClassesThat(resideInAPackage("dev.salesflow.core..")
          .and(resideOutsideOfPackage("dev.salesflow.core.model..")))
      .because("model holds the values every other package uses, so it sits below them all");

  @ArchTest
  static final ArchRule nothingDependsOnTheFacade = noClasses()
      .that().resideOutsideOfPackage("dev.salesflow.core.api..")
      .should().dependOnClassesThat().resideInAPackage("dev.salesflow.core.api..")
      .because("api is the facade on top: it depends downward only");
}
